// Validates Kubernetes objects, read as multi-document YAML from stdin (e.g. `kubectl kustomize DIR`),
// against the Kubernetes API's OpenAPI schema (kubernetes-models) and, for custom resources, their CRDs'
// schemas (@kubernetes-models/keda, @kubernetes-models/prometheus-operator). Prints one line per object;
// exits 1 when any object is invalid or of a kind no package here describes, 2 on unreadable input.
// Usage: kubectl kustomize overlays/aks | node validate.mjs [LABEL]
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

// apiVersion group -> the package whose "<group>/<version>" (or, for the core group, "<version>") module
// exports one model class per kind
const PACKAGES = {
  "keda.sh": "@kubernetes-models/keda",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

async function modelClass(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string") return undefined;
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const pkg = PACKAGES[group] ?? "kubernetes-models";
  let module;
  try {
    module = await import(`${pkg}/${apiVersion}`);
  } catch {
    return undefined; // no such group/version in the package
  }
  const cls = module[kind];
  return typeof cls === "function" && cls.kind === kind ? cls : undefined;
}

function describe(error) {
  // ajv errors carry instancePath + message; @kubernetes-models/validate wraps them in one Error
  const details = (error.errors ?? [])
    .map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`)
    .join("; ");
  return details || error.message;
}

const label = process.argv[2] ?? "stdin";
let docs;
try {
  docs = yaml.loadAll(readFileSync(0, "utf8")).filter((d) => d != null);
} catch (e) {
  console.error(`${label}: cannot parse YAML: ${e.message}`);
  process.exit(2);
}
if (docs.length === 0) {
  console.error(`${label}: no objects on stdin`);
  process.exit(2);
}

let failed = 0;
for (const doc of docs) {
  const name = `${doc.kind}/${doc.metadata?.name ?? "?"} (${doc.apiVersion})`;
  const cls = await modelClass(doc.apiVersion, doc.kind);
  if (!cls) {
    console.log(`FAIL ${label} ${name}: unknown apiVersion/kind, no schema to validate it against`);
    failed++;
    continue;
  }
  try {
    new cls(doc).validate();
    console.log(`ok   ${label} ${name}`);
  } catch (e) {
    console.log(`FAIL ${label} ${name}: ${describe(e)}`);
    failed++;
  }
}
console.log(`${label}: ${docs.length - failed} of ${docs.length} objects valid`);
process.exit(failed ? 1 : 0);
