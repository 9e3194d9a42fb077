// Typed access to a command's options, with the same semantics on every surface.

import { UserError } from '../errors.ts';

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

export class OptionReader {
  constructor(private readonly values: Readonly<Record<string, OptionValue>>) {}

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  private missing(name: string): never {
    throw new UserError(`The option \`${name}\` is required.`);
  }

  getString(name: string, required: true): string;
  getString(name: string, required?: boolean): string | undefined;
  getString(name: string, required = false): string | undefined {
    const value = this.values[name];
    if (value === undefined) return required ? this.missing(name) : undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new UserError(`The option \`${name}\` must be text.`);
  }

  getInteger(name: string, required: true): number;
  getInteger(name: string, required?: boolean): number | undefined;
  getInteger(name: string, required = false): number | undefined {
    const value = this.getNumber(name, required);
    if (value === undefined) return undefined;
    if (!Number.isSafeInteger(value)) throw new UserError(`The option \`${name}\` must be a whole number.`);
    return value;
  }

  getNumber(name: string, required: true): number;
  getNumber(name: string, required?: boolean): number | undefined;
  getNumber(name: string, required = false): number | undefined {
    const value = this.values[name];
    if (value === undefined) return required ? this.missing(name) : undefined;
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.replace(/[,_\s]/g, '')) : NaN;
    if (!Number.isFinite(number)) throw new UserError(`The option \`${name}\` must be a number.`);
    return number;
  }

  getBoolean(name: string, required: true): boolean;
  getBoolean(name: string, required?: boolean): boolean | undefined;
  getBoolean(name: string, required = false): boolean | undefined {
    const value = this.values[name];
    if (value === undefined) return required ? this.missing(name) : undefined;
    if (typeof value === 'boolean') return value;
    throw new UserError(`The option \`${name}\` must be true or false.`);
  }

  getAttachment(name: string, required: true): AttachmentValue;
  getAttachment(name: string, required?: boolean): AttachmentValue | undefined;
  getAttachment(name: string, required = false): AttachmentValue | undefined {
    const value = this.values[name];
    if (value === undefined) return required ? this.missing(name) : undefined;
    if (typeof value === 'object' && value.kind === 'attachment') return value;
    throw new UserError(`The option \`${name}\` must be a file.`);
  }

  getUser(name: string, required: true): UserValue;
  getUser(name: string, required?: boolean): UserValue | undefined;
  getUser(name: string, required = false): UserValue | undefined {
    const value = this.values[name];
    if (value === undefined) return required ? this.missing(name) : undefined;
    if (typeof value === 'object' && value.kind === 'user') return value;
    throw new UserError(`The option \`${name}\` must be a user.`);
  }
}
