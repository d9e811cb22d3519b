// The outbox database's name, apart from the store: start-up names it (to wipe an account's storage) without
// carrying the outbox's record code into the first paint (issue 14).
export function outboxDatabaseName(partitionKey: string | undefined): string {
  return partitionKey ? `${partitionKey}::sf-outbox` : 'sf-outbox';
}
