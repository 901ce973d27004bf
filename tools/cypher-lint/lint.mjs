// Lint Cypher statements with Neo4j's own query front end (@neo4j-cypher/language-support).
//
// stdin:  a JSON list of {name, query, params}, or an object
//         {schema: {labels, relationshipTypes, propertyKeys}, statements: [{name, query, params}]}
// stdout: a JSON list of {name, diagnostics: [{severity, message, line, character, offset}]}
//         (severity "error" or "warning"), one entry per statement, in input order.
// exit:   0 when no statement has a diagnostic, 1 when one has, 2 when the input is unusable.
//
// Built-in function and procedure signatures come from the package's testData.mockSchema
// (Cypher 5); each statement's `params` are declared, so an undeclared `$param` is an error.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function fail(reason) {
  process.stderr.write(`cypher-lint: ${reason}\n`);
  process.exit(2);
}

function readInput() {
  let input;
  try {
    input = JSON.parse(readFileSync(0, 'utf8'));
  } catch (error) {
    fail(`stdin is not JSON: ${error.message}`);
  }
  const statements = Array.isArray(input) ? input : input?.statements;
  if (!Array.isArray(statements)) fail('expected a list of statements or {schema, statements}');
  statements.forEach((s, i) => {
    if (typeof s?.name !== 'string' || typeof s?.query !== 'string') {
      fail(`statement ${i} needs a string name and a string query`);
    }
  });
  return { schema: Array.isArray(input) ? {} : input.schema ?? {}, statements };
}

function toDiagnostic(d) {
  return {
    severity: SEVERITY[d.severity] ?? String(d.severity),
    message: d.message,
    line: d.range.start.line,
    character: d.range.start.character,
    offset: d.offsets.start,
  };
}

function lintStatement(statement, schema) {
  const dbSchema = {
    ...testData.mockSchema,
    ...schema,
    defaultLanguage: 'CYPHER 5',
    parameters: statement.params ?? {},
  };
  const { diagnostics } = lintCypherQuery(statement.query, dbSchema);
  return { name: statement.name, diagnostics: diagnostics.map(toDiagnostic) };
}

const { schema, statements } = readInput();
const results = statements.map((s) => lintStatement(s, schema));
process.stdout.write(JSON.stringify(results, null, 1) + '\n');
process.exit(results.some((r) => r.diagnostics.length > 0) ? 1 : 0);
