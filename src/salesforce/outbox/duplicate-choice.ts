/** The seller's answer to a duplicate rule's refusal of a create (a record or a contact), carried by its action. */
export interface DuplicateChoice {
  /** Sent with `Sforce-Duplicate-Rule-Header: allowSave=true`: saved past an Alert rule (never past a Block rule). */
  allowDuplicates?: boolean;
  /** The seller took this existing record instead: the entry is done with it once Salesforce confirms it exists. */
  useExistingId?: string;
}
