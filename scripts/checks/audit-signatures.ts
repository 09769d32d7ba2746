/**
 * `npm run audit:signatures`: `npm audit signatures` over every installed package
 * (the registry's ECDSA signature of each tarball, and the provenance attestations
 * where a package has them). Its own CI step, like `npm run audit`: it needs the
 * registry's keys endpoint and Sigstore's TUF root, which `npm test` never touches.
 * Where they are out of reach it says so and does not fail, unless AUDIT_REQUIRED=1
 * (set in the GitHub workflows) makes that a failure. An invalid or missing signature
 * always fails.
 */
import path from 'node:path';
import {spawnSync} from 'node:child_process';

const ROOT = path.resolve(__dirname, '../..');
const r = spawnSync('npm', ['audit', 'signatures'], {cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20});
const out = `${r.stdout}\n${r.stderr}`;
process.stdout.write(r.stdout);

if (r.status === 0) process.exit(0);

/** npm's own words for a request that never reached an answer. */
const UNREACHABLE =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN)\b|npm error network|code E40[345]\b|code E5\d\d\b/;
const VERDICT = /invalid|missing|signature/i;

if (UNREACHABLE.test(out) && !/have invalid|have missing|has an invalid|has a missing/i.test(out)) {
  const line = out.split('\n').find((l) => UNREACHABLE.test(l)) ?? '';
  console.log(`npm audit signatures could not run here: ${line.trim()}`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}
process.stderr.write(r.stderr);
console.log(
  VERDICT.test(out)
    ? 'npm audit signatures: a package failed its registry signature check'
    : `npm audit signatures failed (exit ${r.status})`,
);
process.exit(1);
