// Loads one UTF-8 CSV into a DuckDB table and reports, as one JSON line on
// stdout, the time of the CREATE TABLE statement alone. The whole process
// (node start, DuckDB load, checkpoint, exit) is timed by bench/run.
//   node bench/node/duckdb_load.mjs FILE.csv [DBFILE|:memory:]
import { DuckDBInstance } from '@duckdb/node-api';

const [file, dbPath = ':memory:'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node duckdb_load.mjs FILE.csv [DBFILE|:memory:]');
  process.exit(2);
}
const quote = (s) => "'" + s.replaceAll("'", "''") + "'";

const instance = await DuckDBInstance.create(dbPath);
const con = await instance.connect();
const [[threads, version]] = await (await con.run("SELECT current_setting('threads'), version()")).getRowsJS();
const t0 = process.hrtime.bigint();
await con.run(`CREATE TABLE t AS SELECT * FROM read_csv(${quote(file)}, header = true)`);
const createSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
// For a database file, CHECKPOINT makes the table durable the way ijik's commit does.
let checkpointSeconds = 0;
if (dbPath !== ':memory:') {
  const t1 = process.hrtime.bigint();
  await con.run('CHECKPOINT');
  checkpointSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
}
const rows = Number((await (await con.run('SELECT count(*) FROM t')).getRowsJS())[0][0]);
const columns = Number((await (await con.run("SELECT count(*) FROM duckdb_columns() WHERE table_name = 't'")).getRowsJS())[0][0]);
con.closeSync();
instance.closeSync();
console.log(JSON.stringify({ version, rows, columns, threads: Number(threads), create_seconds: createSeconds, checkpoint_seconds: checkpointSeconds }));
