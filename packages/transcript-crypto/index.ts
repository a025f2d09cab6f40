// Encryption at rest for transcripts: master keys (a secret) wrap per-customer data keys, which
// seal message text with AES-256-GCM. Plain WebCrypto: runs in Workers, Durable Objects and Node.
export { KeyConfigError, generateMasterKey, importMasterKeys, masterKeyring, type MasterKeyring } from "./master-keys.js";
export { KeyUnavailableError, createDataKey, rewrapDataKey, unwrapDataKey, type DataKey, type WrappedDataKey } from "./data-keys.js";
export { isSealed, isSealedPayload, openPayload, openText, sealPayload, sealText, sealedKeyId, type SealedPayload } from "./sealed-text.js";
