/**
 * An error whose message is meant for the player: bad input, a missing character, too few runes.
 * The router answers it privately (ephemeral) as-is and does not log it as a failure.
 */
export class UserError extends Error {
  override name = 'UserError';
}
