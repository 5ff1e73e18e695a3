#!/usr/bin/env node
// Independent check of an ijik iCalendar export with ical.js.
//
//   node validate-ics.mjs FILE.ics [EXPECTED_EVENT_COUNT]
//
// Checks the raw text (valid UTF-8, CRLF line ends only, no line over 75
// octets), then parses it with ICAL.parse and walks every VEVENT with
// ICAL.Event: each needs a UID, a SUMMARY and a start date, UIDs must be
// unique, every TZID used must have a VTIMEZONE, and an end (DTEND/DURATION)
// must not precede the start. Prints "ok: N events" and exits 0, or prints
// the problems and exits 1 (2 on bad usage).
import { readFileSync } from 'node:fs';

import ICAL from 'ical.js';

function usage(message) {
  console.error(`validate-ics: ${message}`);
  console.error('usage: node validate-ics.mjs FILE.ics [EXPECTED_EVENT_COUNT]');
  process.exit(2);
}

const [file, expectedArg] = process.argv.slice(2);
if (!file) usage('missing FILE.ics');
let expected = null;
if (expectedArg !== undefined) {
  if (!/^\d+$/.test(expectedArg)) usage(`expected event count is not a number: ${expectedArg}`);
  expected = Number(expectedArg);
}

const problems = [];
const problem = (m) => problems.push(m);

function finish(count) {
  if (problems.length > 0) {
    for (const p of problems.slice(0, 50)) console.log(`problem: ${p}`);
    if (problems.length > 50) console.log(`... and ${problems.length - 50} more`);
    process.exit(1);
  }
  console.log(`ok: ${count} events`);
  process.exit(0);
}

let bytes;
try {
  bytes = readFileSync(file);
} catch (e) {
  console.log(`problem: cannot read ${file}: ${e.message}`);
  process.exit(1);
}

// Raw form: a split UTF-8 sequence (bad folding) shows up as invalid UTF-8.
let text;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
} catch {
  problem('file is not valid UTF-8 (a fold split a multi-byte character?)');
  text = new TextDecoder('utf-8').decode(bytes);
}
if (!text.endsWith('\r\n')) problem('file does not end with CRLF');
const rawLines = text.split('\r\n');
if (rawLines.at(-1) === '') rawLines.pop();
rawLines.forEach((line, i) => {
  if (line.includes('\n') || line.includes('\r')) problem(`line ${i + 1}: bare CR or LF`);
  const octets = Buffer.byteLength(line, 'utf8');
  if (octets > 75) problem(`line ${i + 1}: ${octets} octets (max 75)`);
});

let vcalendar;
try {
  vcalendar = new ICAL.Component(ICAL.parse(text));
} catch (e) {
  problem(`ICAL.parse failed: ${e.message}`);
  finish(0);
}
if (vcalendar.name !== 'vcalendar') problem(`top component is ${vcalendar.name}, not vcalendar`);
if (vcalendar.getFirstPropertyValue('version') !== '2.0') problem('VERSION is not 2.0');
if (!vcalendar.getFirstPropertyValue('prodid')) problem('PRODID is missing');
if (vcalendar.getAllSubcomponents().length === 0) {
  problem('VCALENDAR has no components (RFC 5545 wants at least one)');
}

const zones = new Set();
for (const vtimezone of vcalendar.getAllSubcomponents('vtimezone')) {
  const tzid = vtimezone.getFirstPropertyValue('tzid');
  if (!tzid) {
    problem('VTIMEZONE without TZID');
    continue;
  }
  zones.add(tzid);
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
}

const uids = new Map();
const vevents = vcalendar.getAllSubcomponents('vevent');
vevents.forEach((vevent, i) => {
  const where = `VEVENT #${i + 1}`;
  let event;
  try {
    event = new ICAL.Event(vevent);
  } catch (e) {
    problem(`${where}: ICAL.Event failed: ${e.message}`);
    return;
  }
  const label = event.uid ? `${where} (${event.uid})` : where;
  if (!event.uid) problem(`${where}: no UID`);
  else if (uids.has(event.uid)) problem(`${label}: UID also used by VEVENT #${uids.get(event.uid)}`);
  else uids.set(event.uid, i + 1);
  if (!event.summary) problem(`${label}: no SUMMARY`);
  if (!vevent.getFirstPropertyValue('dtstamp')) problem(`${label}: no DTSTAMP`);

  let start = null;
  try {
    start = event.startDate;
  } catch (e) {
    problem(`${label}: bad DTSTART: ${e.message}`);
  }
  if (!start) {
    problem(`${label}: no start date`);
    return;
  }
  for (const name of ['dtstart', 'dtend']) {
    const tzid = vevent.getFirstProperty(name)?.getParameter('tzid');
    if (tzid && !zones.has(tzid)) problem(`${label}: ${name.toUpperCase()} uses TZID ${tzid} with no VTIMEZONE`);
  }
  let end = null;
  try {
    end = event.endDate;
  } catch (e) {
    problem(`${label}: bad DTEND/DURATION: ${e.message}`);
  }
  if (end && end.compare(start) < 0) problem(`${label}: ends before it starts`);
});

if (expected !== null && vevents.length !== expected) {
  problem(`expected ${expected} events, found ${vevents.length}`);
}
finish(vevents.length);
