/**
 * Canonical form of an email address for a blind index: trimmed and lower-cased, so
 * ` Ann@Example.COM ` and `ann@example.com` find the same customer.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Canonical form of a phone number for a blind index: spaces, dashes, dots and parentheses
 * removed, a leading `+` kept, e.g. `+1 (555) 010-2030` → `+15550102030`. It does not add or
 * strip country codes; store numbers consistently (ideally E.164) for lookups to match.
 */
export function normalizePhone(phone: string): string {
  return phone.trim().replace(/[\s\-.()]/g, '');
}
