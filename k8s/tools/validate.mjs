// Validates rendered kustomize output offline.
//   node validate.mjs <overlay-name> <rendered-overlay.yaml> <rendered-secrets.yaml>
// The overlay's Secrets are rendered apart (overlays/<env>/secrets, from the .env.example files): they are
// schema-checked, must carry no values, and must supply every Secret name the overlay refers to.
// Built-in kinds: the JSON schema of kubernetes-models (the API's own OpenAPI, per kind).
// CRDs (CloudNativePG, Strimzi): apiVersion/kind and the fields their operators require, checked by hand.
// Then the cross-references kustomize cannot see (Secret/ConfigMap/Service names, selectors, probes).
// Run through validate.sh, which installs the packages and renders the overlays.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const [overlay, file, secretsFile] = process.argv.slice(2);
const load = (f) =>
  parseAllDocuments(readFileSync(f, "utf8"))
    .map((d) => {
      if (d.errors.length) throw new Error(`${f}: ${d.errors[0].message}`);
      return d.toJS();
    })
    .filter(Boolean);
const main = load(file);
const external = load(secretsFile);
const docs = [...main, ...external];

let passed = 0;
let failed = 0;
function check(what, problems) {
  const list = problems.filter(Boolean);
  if (list.length === 0) {
    passed++;
    return;
  }
  failed++;
  for (const p of list) console.log(`  FAIL ${overlay} ${what}: ${p}`);
}
const id = (o) => `${o.kind}/${o.metadata?.name}`;
const get = (o, path) => path.split(".").reduce((v, k) => (v == null ? undefined : v[k]), o);
const isInt = (v) => Number.isInteger(v);
const need = (o, path, test = (v) => v !== undefined && v !== null && v !== "", msg = "is required") =>
  test(get(o, path)) ? null : `${path} ${msg}`;

// ---------- 1. built-in kinds against kubernetes-models ----------
const CUSTOM_GROUPS = ["postgresql.cnpg.io", "kafka.strimzi.io"];
async function modelFor(apiVersion, kind) {
  const path = apiVersion.includes("/") ? `kubernetes-models/${apiVersion}/${kind}` : `kubernetes-models/v1/${kind}`;
  const mod = await import(path);
  return mod[kind];
}
for (const o of docs) {
  const group = o.apiVersion?.includes("/") ? o.apiVersion.split("/")[0] : "";
  if (CUSTOM_GROUPS.includes(group)) continue;
  let Model;
  try {
    Model = await modelFor(o.apiVersion, o.kind);
  } catch (e) {
    check(id(o), [`no schema for ${o.apiVersion} ${o.kind} (${e.code ?? e.message})`]);
    continue;
  }
  try {
    new Model(o).validate();
    check(`${id(o)} schema`, []);
  } catch (e) {
    check(`${id(o)} schema`, (e.errors ?? [e]).map((x) => `${x.instancePath ?? ""} ${x.message}`));
  }
}

// ---------- 2. custom resources: apiVersion/kind and required fields ----------
const EXPECTED_CR = {
  Cluster: "postgresql.cnpg.io/v1",
  Kafka: "kafka.strimzi.io/v1beta2",
  KafkaNodePool: "kafka.strimzi.io/v1beta2",
  KafkaTopic: "kafka.strimzi.io/v1beta2",
};
const byKind = (k) => docs.filter((o) => o.kind === k);
for (const o of docs) {
  const group = o.apiVersion?.split("/")[0];
  if (!CUSTOM_GROUPS.includes(group)) continue;
  const p = [];
  if (EXPECTED_CR[o.kind] !== o.apiVersion) p.push(`unexpected ${o.apiVersion} ${o.kind}`);
  p.push(need(o, "metadata.name"), need(o, "metadata.namespace"));
  if (o.kind === "Cluster") {
    p.push(need(o, "spec.instances", (v) => isInt(v) && v >= 1, "must be an integer >= 1"));
    p.push(need(o, "spec.storage.size", (v) => /^\d+(Mi|Gi|Ti)$/.test(v ?? ""), "must be a quantity like 10Gi"));
    p.push(need(o, "spec.bootstrap.initdb.database"), need(o, "spec.bootstrap.initdb.owner"));
  }
  if (o.kind === "Kafka") {
    const listeners = get(o, "spec.kafka.listeners");
    if (!Array.isArray(listeners) || listeners.length === 0) p.push("spec.kafka.listeners must be a non-empty list");
    for (const l of listeners ?? []) {
      if (!/^[a-z0-9]{1,11}$/.test(l.name ?? "")) p.push(`listener name ${l.name} must match ^[a-z0-9]{1,11}$`);
      if (!isInt(l.port) || l.port < 9092) p.push(`listener ${l.name} port must be an integer >= 9092`);
      if (!["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"].includes(l.type)) p.push(`listener ${l.name} type ${l.type}`);
      if (typeof l.tls !== "boolean") p.push(`listener ${l.name} tls must be a boolean`);
    }
    if (get(o, "spec.zookeeper")) p.push("spec.zookeeper present: the cluster must run in KRaft mode");
    p.push(need(o, "spec.entityOperator.topicOperator", (v) => v !== undefined, "is required for the KafkaTopic resources"));
    const pools = byKind("KafkaNodePool").filter((n) => n.metadata?.labels?.["strimzi.io/cluster"] === o.metadata.name);
    const roles = new Set(pools.flatMap((n) => n.spec?.roles ?? []));
    if (!roles.has("controller") || !roles.has("broker")) p.push("KRaft needs node pools with the controller and broker roles");
    const brokers = pools.filter((n) => n.spec?.roles?.includes("broker")).reduce((s, n) => s + n.spec.replicas, 0);
    for (const key of ["offsets.topic.replication.factor", "transaction.state.log.replication.factor", "default.replication.factor"]) {
      const rf = o.spec.kafka.config?.[key];
      if (rf !== undefined && rf > brokers) p.push(`${key}=${rf} exceeds ${brokers} broker(s)`);
    }
  }
  if (o.kind === "KafkaNodePool") {
    const cluster = o.metadata?.labels?.["strimzi.io/cluster"];
    if (!byKind("Kafka").some((k) => k.metadata.name === cluster)) p.push(`label strimzi.io/cluster=${cluster} names no Kafka`);
    p.push(need(o, "spec.replicas", (v) => isInt(v) && v >= 1, "must be an integer >= 1"));
    const roles = get(o, "spec.roles");
    if (!Array.isArray(roles) || roles.length === 0 || roles.some((r) => !["controller", "broker"].includes(r))) p.push("spec.roles must list controller and/or broker");
    p.push(need(o, "spec.storage.type", (v) => ["jbod", "persistent-claim", "ephemeral"].includes(v), "must be jbod, persistent-claim or ephemeral"));
    if (roles?.includes("controller") && o.spec.replicas % 2 === 0) p.push("an even number of KRaft controllers gives no extra fault tolerance");
  }
  if (o.kind === "KafkaTopic") {
    const cluster = o.metadata?.labels?.["strimzi.io/cluster"];
    const kafka = byKind("Kafka").find((k) => k.metadata.name === cluster);
    if (!kafka) p.push(`label strimzi.io/cluster=${cluster} names no Kafka`);
    p.push(need(o, "spec.partitions", (v) => isInt(v) && v >= 1, "must be an integer >= 1"));
    p.push(need(o, "spec.replicas", (v) => isInt(v) && v >= 1 && v <= 32767, "must be an integer 1..32767"));
    const brokers = byKind("KafkaNodePool")
      .filter((n) => n.metadata?.labels?.["strimzi.io/cluster"] === cluster && n.spec?.roles?.includes("broker"))
      .reduce((s, n) => s + n.spec.replicas, 0);
    if (o.spec?.replicas > brokers) p.push(`replicas ${o.spec.replicas} exceed ${brokers} broker(s)`);
    const isr = o.spec?.config?.["min.insync.replicas"];
    if (isr !== undefined && isr > o.spec.replicas) p.push(`min.insync.replicas ${isr} > replicas ${o.spec.replicas}: producers with acks=all would always fail`);
  }
  check(`${id(o)} required fields`, p);
}

// ---------- 3. the deployment's own promises ----------
const SERVICES = { gateway: 8080, "calls-service": 8081, "contacts-service": 8082, "campaigns-service": 8083, "analytics-service": 8084 };
const TOPICS = ["calls", "contacts", "campaigns", "identity", "credits", "kpis"].map((t) => `switchboard.${t}`);
// every dead-letter topic a consumer writes to (auto-creation is off in the cluster)
const DLQ_TOPICS = ["analytics-service", "gateway"].map((s) => `switchboard.dlq.${s}`);
const CONTEXT = { gateway: "gateway", "calls-service": "calls", "contacts-service": "contacts", "campaigns-service": "campaigns", "analytics-service": "analytics" };
const names = (k) => new Set(byKind(k).map((o) => o.metadata.name));
const secrets = new Set([...names("Secret"), ...byKind("Cluster").map((c) => `${c.metadata.name}-app`)]);
const configMaps = names("ConfigMap");
const deployments = byKind("Deployment");
const matches = (sel, labels) => Object.entries(sel ?? {}).every(([k, v]) => labels?.[k] === v);

for (const [svc, port] of Object.entries(SERVICES)) {
  const p = [];
  const d = deployments.find((o) => o.metadata.name === svc);
  if (!d) {
    check(`Deployment/${svc} present`, ["missing"]);
    continue;
  }
  const pod = d.spec.template.spec;
  const c = pod.containers[0];
  if (!c.image?.startsWith(`switchboard/${svc}:`)) p.push(`image ${c.image} is not switchboard/${svc}:<tag>`);
  if (c.ports?.[0]?.containerPort !== port) p.push(`containerPort must be ${port}`);
  for (const [probe, path] of [["startupProbe", "/q/health/started"], ["livenessProbe", "/q/health/live"], ["readinessProbe", "/q/health/ready"]])
    if (c[probe]?.httpGet?.path !== path) p.push(`${probe} must GET ${path}`);
  for (const r of ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]) if (!get(c.resources, r)) p.push(`resources.${r} missing`);
  if (pod.securityContext?.runAsNonRoot !== true) p.push("pod securityContext.runAsNonRoot must be true");
  if (c.securityContext?.readOnlyRootFilesystem !== true) p.push("readOnlyRootFilesystem must be true");
  if (c.securityContext?.allowPrivilegeEscalation !== false) p.push("allowPrivilegeEscalation must be false");
  const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e]));
  // runtime connections use the non-owner role (RLS cannot be switched off), migrations the operator's owner role
  const db = `${CONTEXT[svc]}-db`;
  for (const [n, want] of [["QUARKUS_DATASOURCE_USERNAME", `${db}-runtime`], ["QUARKUS_DATASOURCE_PASSWORD", `${db}-runtime`],
    ["QUARKUS_FLYWAY_USERNAME", `${db}-app`], ["QUARKUS_FLYWAY_PASSWORD", `${db}-app`]]) {
    const ref = env[n]?.valueFrom?.secretKeyRef;
    if (!ref) p.push(`${n} must come from a secretKeyRef`);
    else if (!secrets.has(ref.name)) p.push(`${n} refers to Secret ${ref.name}, which nothing creates`);
    else if (ref.name !== want) p.push(`${n} must come from Secret ${want}, not ${ref.name}`);
  }
  const cluster = byKind("Cluster").find((o) => o.metadata.name === db);
  const role = cluster?.spec?.managed?.roles?.find((r) => r.name === "switchboard_app");
  if (!role || role.passwordSecret?.name !== `${db}-runtime`) p.push(`Cluster ${db} must manage role switchboard_app with passwordSecret ${db}-runtime`);
  if (!(cluster?.spec?.bootstrap?.initdb?.postInitApplicationSQL ?? []).some((q) => /ALTER DEFAULT PRIVILEGES FOR ROLE switchboard .*TO switchboard_app/.test(q)))
    p.push(`Cluster ${db} must grant the owner's future tables to switchboard_app`);
  const runtime = byKind("Secret").find((o) => o.metadata.name === `${db}-runtime`);
  if (runtime && runtime.type !== "kubernetes.io/basic-auth") p.push(`Secret ${db}-runtime must be kubernetes.io/basic-auth (CloudNativePG reads it)`);
  const fromCm = {};
  for (const ef of c.envFrom ?? []) {
    if (ef.configMapRef) {
      const cm = byKind("ConfigMap").find((o) => o.metadata.name === ef.configMapRef.name);
      if (!cm) p.push(`envFrom ConfigMap ${ef.configMapRef.name} is not rendered`);
      else Object.assign(fromCm, cm.data);
    }
    if (ef.secretRef && !secrets.has(ef.secretRef.name) && !ef.secretRef.optional) p.push(`envFrom Secret ${ef.secretRef.name} is not rendered`);
  }
  for (const k of ["KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL"]) if (!fromCm[k]) p.push(`${k} not configured`);
  if (svc === "gateway")
    for (const other of Object.keys(SERVICES).filter((s) => s !== "gateway")) {
      const key = `SWITCHBOARD_${other.replace("-service", "").toUpperCase()}_URL`;
      if (fromCm[key] !== `http://${other}:${SERVICES[other]}`) p.push(`${key} must be http://${other}:${SERVICES[other]}`);
    }
  for (const [k, v] of Object.entries(fromCm)) if (/PASSWORD|SECRET|TOKEN|_KEY$/.test(k)) p.push(`ConfigMap carries ${k}=${v}: secrets belong in a Secret`);
  const s = byKind("Service").find((o) => o.metadata.name === svc);
  if (!s) p.push("Service missing");
  else {
    if (!matches(s.spec.selector, d.spec.template.metadata.labels)) p.push("Service selector does not select the pods");
    if (s.spec.ports?.[0]?.port !== port) p.push(`Service port must be ${port}`);
    if ((s.spec.type ?? "ClusterIP") !== "ClusterIP") p.push(`Service type ${s.spec.type}: only the gateway's Ingress is exposed`);
  }
  check(`${svc} wiring`, p);
}

{
  const p = [];
  const ingresses = byKind("Ingress");
  const backends = ingresses.flatMap((i) => (i.spec.rules ?? []).flatMap((r) => r.http?.paths ?? []).map((x) => x.backend.service?.name));
  if (backends.length === 0 || backends.some((b) => b !== "gateway")) p.push(`Ingress backends ${JSON.stringify(backends)}: only the gateway may be exposed`);
  for (const s of byKind("Service")) if (["LoadBalancer", "NodePort"].includes(s.spec.type)) p.push(`Service ${s.metadata.name} is ${s.spec.type}`);
  check("only the gateway is exposed", p);
}
{
  // the public surface only: /q/metrics, /q/health and the rest of /q stay inside the cluster
  const p = [];
  const allowed = ["Prefix /api", "Prefix /webhooks", "Exact /.well-known/jwks.json", "Prefix /q/swagger-ui", "Exact /q/openapi"];
  const paths = byKind("Ingress").flatMap((i) => (i.spec.rules ?? []).flatMap((r) => r.http?.paths ?? []));
  for (const x of paths) if (!allowed.includes(`${x.pathType} ${x.path}`)) p.push(`Ingress path ${x.pathType} ${x.path} is not part of the public surface`);
  check("the Ingress routes only public paths", p);
}
{
  // forwarded headers are believed only from the ingress controller's addresses
  const p = [];
  const cm = byKind("ConfigMap").find((o) => o.metadata.name.startsWith("gateway-config"));
  const data = cm?.data ?? {};
  if (data.SWITCHBOARD_GATEWAY_BEHIND_PROXY !== "true") p.push("gateway-config must set SWITCHBOARD_GATEWAY_BEHIND_PROXY=true (it sits behind the ingress)");
  if (!data.SWITCHBOARD_GATEWAY_TRUSTED_PROXIES) p.push("gateway-config must set SWITCHBOARD_GATEWAY_TRUSTED_PROXIES to the ingress controller's address range");
  check("the gateway trusts only the ingress's forwarded headers", p);
}
{
  const p = [];
  const topics = byKind("KafkaTopic");
  for (const t of [...TOPICS, ...DLQ_TOPICS]) if (!topics.some((o) => (o.spec.topicName ?? o.metadata.name) === t)) p.push(`topic ${t} missing`);
  const kpis = topics.find((o) => o.spec.topicName === "switchboard.kpis");
  if (kpis?.spec.config?.["cleanup.policy"] !== "compact") p.push("switchboard.kpis must be compacted");
  check("Kafka topics", p);
}
{
  const p = [];
  for (const s of main.filter((o) => o.kind === "Secret")) p.push(`the main overlay renders Secret ${s.metadata.name}: secrets are applied apart`);
  for (const s of external) if (s.kind !== "Secret") p.push(`overlays/${overlay}/secrets renders ${id(s)}`);
  for (const s of byKind("Secret")) {
    const values = [...Object.values(s.data ?? {}), ...Object.values(s.stringData ?? {})];
    if (values.length) p.push(`Secret ${s.metadata.name} renders ${values.length} value(s) from the examples: .env.example files hold comments only`);
  }
  check("no secret values in committed files", p);
}
{
  // scaling policy per overlay
  const p = [];
  const hpas = byKind("HorizontalPodAutoscaler");
  for (const h of hpas) if (!deployments.some((d) => d.metadata.name === h.spec.scaleTargetRef.name)) p.push(`HPA ${h.metadata.name} targets nothing`);
  for (const b of byKind("PodDisruptionBudget"))
    if (!deployments.some((d) => matches(b.spec.selector?.matchLabels, d.spec.template.metadata.labels))) p.push(`PDB ${b.metadata.name} selects no pods`);
  if (overlay === "prod") {
    for (const d of deployments) {
      const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === d.metadata.name);
      const min = hpa ? hpa.spec.minReplicas : d.spec.replicas;
      if (!(min >= 2)) p.push(`${d.metadata.name} runs ${min ?? 1} replica(s); prod needs >= 2`);
      if (hpa && d.spec.replicas !== undefined) p.push(`${d.metadata.name} sets replicas and has an HPA: every apply would reset the autoscaler`);
      if (!byKind("PodDisruptionBudget").some((b) => matches(b.spec.selector?.matchLabels, d.spec.template.metadata.labels))) p.push(`${d.metadata.name} has no PodDisruptionBudget`);
    }
    for (const n of ["gateway", "calls-service"]) if (!hpas.some((h) => h.spec.scaleTargetRef.name === n)) p.push(`${n} has no HPA`);
  }
  if (overlay === "dev") for (const d of deployments) if (d.spec.replicas !== 1) p.push(`${d.metadata.name} replicas ${d.spec.replicas}; dev runs 1`);
  check(`${overlay} scaling`, p);
}

console.log(`${overlay}: ${main.length} objects + ${external.length} secrets; ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
