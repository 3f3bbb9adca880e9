export { type AesGcmCipher, createAesGcmCipher } from './aes-gcm-cipher.js';
export {
  type AesGcmCipherConfig,
  type AesGcmKeyConfig,
  aesGcmCipherConfigSchema,
  type KeyMaterial,
  type ParsedAesGcmCipherConfig,
} from './aes-gcm-cipher-config.js';
export type { FieldCipher, FieldCipherOptions } from './field-cipher.js';
export { generateCipherKey } from './generate-cipher-key.js';
export { normalizeEmail, normalizePhone } from './normalize-contact.js';
