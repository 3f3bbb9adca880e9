import { z } from 'zod';

/** Most characters a display name may have. */
export const MAX_NAME_LENGTH = 200;

/** Most characters a description may have. */
export const MAX_DESCRIPTION_LENGTH = 5000;

// Control characters (NUL above all) and lone surrogates cannot be stored in every SQL dialect.
const CONTROL_OR_LONE_SURROGATE = /[\p{Cc}\p{Cs}]/u;

/** Whether a text holds a lone surrogate or a control character other than tab, line feed and carriage return. */
function hasForbiddenControl(text: string): boolean {
  if (/\p{Cs}/u.test(text)) return true;
  for (const char of text) {
    if (/\p{Cc}/u.test(char) && char !== '\t' && char !== '\n' && char !== '\r') return true;
  }
  return false;
}

/** Validates a display name: trimmed, 1 to 200 characters, any script or emoji, no control characters. */
export const catalogNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty', abort: true })
  .max(MAX_NAME_LENGTH, { message: `must be at most ${MAX_NAME_LENGTH} characters`, abort: true })
  .refine((name) => !CONTROL_OR_LONE_SURROGATE.test(name), 'must not contain control characters');

/** Validates a description: up to 5000 characters; line breaks and tabs allowed, other control characters not. */
export const descriptionSchema = z
  .string()
  .max(MAX_DESCRIPTION_LENGTH, {
    message: `must be at most ${MAX_DESCRIPTION_LENGTH} characters`,
    abort: true,
  })
  .refine(
    (text) => !hasForbiddenControl(text),
    'must not contain control characters other than line breaks and tabs',
  );
