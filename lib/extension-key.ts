/**
 * Fixed extension identity, so tests and the demo can open extension pages by
 * URL. Chrome derives the id from this public key (sha256 of the DER key, the
 * first 32 hex digits mapped 0–f → a–p). Only the public half exists: the
 * extension is loaded unpacked in tests; store builds get their id from the store.
 */
export const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAi2uw2q7toUuSL+LFtuQfnh84Z0e9oFVwnmGbT9418TyTwgN3qf+0J6kblDEQXaHNRU/93+/LM9ec3jDsB5gxMotdVkjyDe4d7+TWe/LcfQf9hnz+aaWz0sIJSIPf1yp9FBQIHdaXrnfJAF90mh6aSmgAWSh7TuqMs6UXyLvBoUnS5piwkvovYxtAbIJewwh7MSp4U6GlAvGxHchjoZZdEklLUmLvb4vfsRYoI0YnskURvHK44BNsYR4owU5OOhB5LEvhVGQf3JsQcxgbXImhBDLvRYY1yBej25v+5j5ZC9Lwo2bpf9hZmyjPTRSBp+fYg6IMsF5yfDauzsrPc446NQIDAQAB';

export const EXTENSION_ID = 'pbiiccceiehpcofgponhfngomkobchoa';
