/**
 * How GitHub logins, `@mentions` and `owner/name` references are spelled: the
 * one home of these patterns (as regular-expression source, to compose into
 * larger expressions). Two spellings of a login, on purpose:
 *
 * - `LOGIN`, a login GitHub accepts: letters, digits and single inner
 *   hyphens, 1 to 39 characters. Used where the login is acted on (assigned,
 *   mentioned, routed to).
 * - `LOGIN_IN_TEXT`, what text may spell as one: also `_` and trailing or
 *   doubled hyphens (Enterprise Managed Users' `name_short`, old accounts).
 *   Used where a login is recognised to be set aside (an owner stripped from
 *   an item's title or wording): item ids are hashed from what is left, so
 *   this spelling must not change, or items lose their issues.
 */

/** A login GitHub accepts. */
export const LOGIN = '[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';

/** A login as text may spell one (see above). */
export const LOGIN_IN_TEXT = '[A-Za-z0-9][\\w-]{0,38}';

/** A repository's or team's name, after `owner/`. */
export const NAME_AFTER_OWNER = '[\\w.-]{1,100}';

/** `@login` or `@org/team` as text spells it. */
export const MENTION_IN_TEXT = `@${LOGIN_IN_TEXT}(?:\\/${NAME_AFTER_OWNER})?`;

/** `owner/name` as the CLI's `--repo` and issue references ("owner/name#12") take it. */
export const OWNER_AND_NAME = `${NAME_AFTER_OWNER}\\/${NAME_AFTER_OWNER}`;

/** `owner/name` as text spells a repository. */
export const REPOSITORY_IN_TEXT = `${LOGIN_IN_TEXT}\\/${NAME_AFTER_OWNER}`;

const WHOLE_LOGIN = new RegExp(`^${LOGIN}$`);
const WHOLE_LOGIN_OR_MENTION = new RegExp(`^@?(${LOGIN})$`);

const WHOLE_OWNER_AND_NAME = new RegExp(`^${OWNER_AND_NAME}$`);

/** Whether the whole text is "owner/name" (the CLI's `--repo`). */
export function isOwnerAndName(text: string): boolean {
  return WHOLE_OWNER_AND_NAME.test(text);
}

/** Whether the whole text is a login GitHub accepts ("alice"; not "@alice"). */
export function isLogin(text: string): boolean {
  return WHOLE_LOGIN.test(text);
}

/** The login that "alice" or "@alice" is, else null. */
export function loginOf(text: string): string | null {
  return WHOLE_LOGIN_OR_MENTION.exec(text)?.[1] ?? null;
}
