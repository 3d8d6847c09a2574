#!/usr/bin/env node
// DAISY Ace on many EPUBs with one Chromium: prints one JSON line per book
// {"book": path, "outcome": "pass"|"fail"|"error", "violations": [{rule, impact, doc}]}.
//
// Ace's checker launches and closes its browser for every book (~5 s each here);
// this wrapper makes launch() start Chromium once and close() a no-op, so a test
// session pays for one browser start.  Usage:
//   ACE_DIR=.tools/ace PUPPETEER_EXECUTABLE_PATH=$(command -v chromium) node check_books.js A.epub B.epub …
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const aceDir = path.resolve(process.env.ACE_DIR || path.join(__dirname, '..', '..', '.tools', 'ace'));
const need = (name) => require(path.join(aceDir, 'node_modules', name));
const ace = need('@daisy/ace-core');
const runner = need('@daisy/ace-axe-runner-puppeteer');
const winston = need('winston');
winston.add(new winston.transports.Console({ silent: true }));  // Ace logs through winston; keep stderr for real errors

let started = null;
const shared = Object.assign(Object.create(runner), {
  launch: () => (started = started || runner.launch()),
  close: async () => {},
});

function violations(report) {
  const found = [];
  for (const doc of report.assertions || []) {
    for (const a of doc.assertions || []) {
      if (a['earl:result'] && a['earl:result']['earl:outcome'] === 'fail') {
        found.push({ rule: a['earl:test']['dct:title'], impact: a['earl:test']['earl:impact'], doc: doc['earl:testSubject'] && doc['earl:testSubject']['url'] });
      }
    }
  }
  return found;
}

async function checkOne(book, outdir) {
  try {
    const [, report] = await ace(path.resolve(book), { cwd: process.cwd(), outdir, silent: true, initLogger: false }, shared);
    return { book, outcome: report['earl:result']['earl:outcome'], violations: violations(report) };
  } catch (err) {
    return { book, outcome: 'error', error: String((err && err.message) || err) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

// Ace spends most of a book waiting (page loads, axe polling), not computing: several
// books at once in the one browser keep the CPU busy.  Results print in input order.
async function main(books) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ace-'));
  const jobs = Math.max(1, parseInt(process.env.ACE_JOBS || '3', 10));
  const results = new Array(books.length);
  let next = 0;
  async function worker() {
    while (next < books.length) {
      const i = next++;
      results[i] = await checkOne(books[i], path.join(tmp, String(i)));
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, books.length) }, worker));
  for (const r of results) process.stdout.write(JSON.stringify(r) + '\n');
  if (started) await runner.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  return results.filter((r) => r.outcome !== 'pass').length;
}

main(process.argv.slice(2)).then((failed) => process.exit(failed ? 1 : 0), (err) => { console.error(err); process.exit(2); });
