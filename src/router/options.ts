// The values an option can carry, as every surface hands them to the router (reading and checking them
// is src/router/spec.ts's job).

export interface AttachmentValue {
  kind: 'attachment';
  name: string;
  url: string;
  size: number;
  contentType?: string;
}

export interface UserValue {
  kind: 'user';
  id: string;
  username: string;
}

export type OptionValue = string | number | boolean | AttachmentValue | UserValue;
