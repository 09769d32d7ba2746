/**
 * The book's YAML, checked against what reads it.
 *
 * Kubernetes objects validate against the API's schemas from `kubernetes-models` 5.1.0,
 * generated from Kubernetes v1.36.0 (its CHANGELOG, 5.0.0: "Update to Kubernetes
 * v1.36.0"), two minors newer than the cluster's k3s v1.34. Every field the book uses
 * (Job podFailurePolicy, GA in 1.31, is the newest) exists in 1.34, so the newer schema
 * accepts nothing 1.34 would refuse for these objects. The schemas check types, required
 * fields and enums; like the API server's own OpenAPI, they do not reject unknown keys.
 *
 * Fragments (a container's envFrom/env, a container's args, a patch) are checked inside
 * a realistic parent, patches applied first. YAML that Kubernetes never reads (k3s's
 * config.yaml, vmalert's rule groups) must at least parse, with the shape its reader
 * expects, since a YAML error there stops k3s or vmalert at start.
 */
import {before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {parseAllDocuments} from 'yaml';
import type {Job as JobModel} from 'kubernetes-models/batch/v1';
import type {DaemonSet as DaemonSetModel, Deployment as DeploymentModel} from 'kubernetes-models/apps/v1';
import {withTestValues} from '../../src/data/placeholders';
import {bookCodeBlocks, where, type CodeBlock} from '../lib/codeBlocks';

// kubernetes-models 5 is ESM only, with no `require` export, and these tests run as CommonJS under tsx.
let Job: typeof JobModel;
let DaemonSet: typeof DaemonSetModel;
let Deployment: typeof DeploymentModel;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function docsOf(b: CodeBlock): unknown[] {
  const docs = parseAllDocuments(withTestValues(b.code));
  for (const d of docs) if (d.errors.length) throw new Error(`${where(b)}: YAML: ${d.errors[0].message}`);
  return docs.map((d) => d.toJS() as unknown).filter((d) => d !== null);
}

/** A Deployment as the book's workloads have it, with `container` as its one container. */
function deploymentWith(container: Obj): DeploymentModel {
  return new Deployment({
    metadata: {name: 'api', namespace: 'honeydue'},
    spec: {
      selector: {matchLabels: {app: 'api'}},
      template: {
        metadata: {labels: {app: 'api'}},
        spec: {containers: [{name: 'api', image: 'registry.example/api:3f2c1a9b8d7e', ...container}]},
      },
    },
  });
}

/** RFC 7386 merge patch (what `kubectl patch --type merge` applies; a strategic merge of maps is the same). */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? {...target} : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Validates, or says where the block is and what the schema refused. */
function check(b: CodeBlock, what: string, model: {validate(): void}): void {
  try {
    model.validate();
  } catch (e) {
    throw new Error(`${where(b)}: ${what}: ${(e as Error).message}`);
  }
}

/** What each kind of YAML block is checked as. An unknown kind fails, so none slips through. */
function checkYamlBlock(b: CodeBlock): string[] {
  const seen: string[] = [];
  for (const doc of docsOf(b)) {
    assert.ok(isObj(doc), `${where(b)}: a YAML document that is not a mapping`);
    if (doc.apiVersion === 'batch/v1' && doc.kind === 'Job') {
      check(b, 'Job', new Job(doc as never));
      seen.push('Job');
    } else if ('envFrom' in doc || 'env' in doc) {
      check(b, 'container env', deploymentWith(doc));
      seen.push('container env');
    } else if ('args' in doc) {
      assert.ok(Array.isArray(doc.args), `${where(b)}: args is not a list`);
      const ds = new DaemonSet({
        metadata: {name: 'traefik', namespace: 'kube-system'},
        spec: {
          selector: {matchLabels: {app: 'traefik'}},
          template: {
            metadata: {labels: {app: 'traefik'}},
            spec: {hostNetwork: true, containers: [{name: 'traefik', image: 'traefik:v3', args: doc.args as string[]}]},
          },
        },
      });
      check(b, 'container args', ds);
      seen.push('container args');
    } else if ('groups' in doc) {
      // vmalert / Prometheus rule file: groups of named rules, each an alert with an expr.
      assert.ok(Array.isArray(doc.groups), `${where(b)}: groups is not a list`);
      for (const g of doc.groups as Obj[]) {
        assert.equal(typeof g.name, 'string', `${where(b)}: a group without a name`);
        for (const r of g.rules as Obj[]) {
          assert.equal(typeof r.alert, 'string', `${where(b)}: a rule without alert`);
          assert.equal(typeof r.expr, 'string', `${where(b)}: ${String(r.alert)} has no expr`);
        }
      }
      seen.push('alert rules');
    } else if (/config\.yaml/.test(b.code)) {
      // k3s reads its config file as flag names to values: scalars or lists of scalars.
      for (const [k, v] of Object.entries(doc)) {
        assert.match(k, /^[a-z][a-z0-9-]*$/, `${where(b)}: "${k}" is not a k3s flag name`);
        const ok = (x: unknown) => ['string', 'number', 'boolean'].includes(typeof x);
        assert.ok(ok(v) || (Array.isArray(v) && v.every(ok)), `${where(b)}: ${k} is not a scalar or a list`);
      }
      seen.push('k3s config');
    } else {
      assert.fail(`${where(b)}: a YAML block of a kind this test does not know: add a rule for it`);
    }
  }
  return seen;
}

const blocks = bookCodeBlocks();
const yamlBlocks = blocks.filter((b) => b.lang === 'yaml');

describe('YAML and manifests', () => {
  before(async () => {
    ({Job} = await import('kubernetes-models/batch/v1'));
    ({DaemonSet, Deployment} = await import('kubernetes-models/apps/v1'));
  });

  it("ch14's Job validates against the Kubernetes schema", () => {
    const job = yamlBlocks.find((b) => b.file.endsWith('14-deployment.mdx') && /kind: Job/.test(b.code));
    assert.ok(job, 'no Job manifest in ch14');
    assert.deepEqual(checkYamlBlock(job), ['Job']);
  });

  it('a Job with a wrong type or without its containers fails (the control)', () => {
    const job = yamlBlocks.find((b) => b.file.endsWith('14-deployment.mdx') && /kind: Job/.test(b.code))!;
    const wrong = {...job, code: job.code.replace(/backoffLimit: \d+/, 'backoffLimit: none')};
    assert.throws(() => checkYamlBlock(wrong), /backoffLimit must be integer/);
    const noImage = {...job, code: job.code.replace(/^(\s*)containers:/m, '$1initContainers:')};
    assert.throws(() => checkYamlBlock(noImage), /containers/);
  });

  it('every YAML block parses and passes the check for its kind', () => {
    assert.ok(yamlBlocks.length >= 5, `only ${yamlBlocks.length} YAML blocks`);
    const kinds = yamlBlocks.flatMap(checkYamlBlock);
    for (const k of ['Job', 'container env', 'container args', 'alert rules', 'k3s config'])
      assert.ok(kinds.includes(k), `no ${k} block checked`);
  });

  it('a YAML syntax error fails with the block named (the control)', () => {
    const b: CodeBlock = {
      file: 'docs/planted.mdx',
      line: 5,
      lang: 'yaml',
      meta: '',
      code: 'args:\n  - a\n - b',
      raw: '',
    };
    assert.throws(() => checkYamlBlock(b), /docs\/planted\.mdx:5: YAML/);
  });

  it('every inline JSON patch (kubectl patch -p) applies to its object and the result validates', () => {
    const patches = blocks
      .filter((b) => b.lang === 'bash')
      .flatMap((b) =>
        [...b.code.matchAll(/kubectl .*?\bpatch (deploy|deployment) (\S+) -p '(\{.*\})'/g)].map((m) => ({
          b,
          json: m[3],
        })),
      );
    assert.ok(patches.length >= 1, 'no inline Deployment patch found');
    for (const {b, json} of patches) {
      const patch = JSON.parse(json) as unknown;
      const patched = mergePatch(deploymentWith({}).toJSON(), patch);
      check(b, 'Deployment after the patch', new Deployment(patched as never));
      const bad = mergePatch(patched, {spec: {template: {spec: {nodeSelector: 'not-a-map'}}}});
      assert.throws(() => new Deployment(bad as never).validate(), /nodeSelector/, 'the control');
    }
  });
});
