/** A config.json that cannot be used, with a message naming the setting to fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
