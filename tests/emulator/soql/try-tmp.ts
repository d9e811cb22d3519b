import { RecordStore } from '../record-store';
import { DEMO_SEED } from '../seed';
import { runSoql } from './soql-engine';
const store = new RecordStore(DEMO_SEED);
const ctx = { store, apiVersion: '62.0', now: Date.now() };
const qs = [
  "SELECT Id, Name, Email, Account.Name, Owner.Name FROM Contact WHERE Email IN ('jane.doe@acme.example','PRIYA@globex.example') ORDER BY LastName",
  "SELECT Name, (SELECT Name, Email FROM Contacts ORDER BY Name), (SELECT Name, StageName FROM Opportunities WHERE IsClosed = false ORDER BY Amount DESC) FROM Account WHERE Name LIKE 'acme%' OR Name = 'Initech'",
  "SELECT COUNT() FROM Opportunity WHERE IsClosed = false AND Amount >= 30000",
  "SELECT Id FROM Contact WHERE NOT (Email = 'bob.lee@acme.example' OR Phone = null)",
  "SELECT Id, Name FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity WHERE StageName = 'Qualification')",
  "SELECT Id FROM Opportunity WHERE CloseDate > 2026-01-01 AND CreatedDate < 2025-06-01T00:00:00Z",
  "SELECT Id, Foo FROM Contact",
  "SELECT Id FROM Foo",
  "SELEC Id FROM Contact",
  "",
];
for (const q of qs) { try { console.log(JSON.stringify(runSoql(q, ctx))); } catch (e) { console.log('ERR', (e as {errorCode:string}).errorCode, JSON.stringify((e as Error).message)); } }
