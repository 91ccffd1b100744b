"""Checks in deploy/ that no schema validator can make, because they relate fields to each other
or concern KEDA's ScaledObject, for which kubernetes-validate has no schema.

Usage: check_deploy_consistency.py DEPLOY_DIR
Prints one line per problem and exits 1 when there is any.
"""

import pathlib
import sys

import yaml

# articles.raw's partition count (PipelineTopics.defaultPartitions): more enrichers sit idle.
RAW_PARTITIONS = 6
WORKERS = {"news-producer", "news-enricher", "news-sink"}

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def flag_value(arguments, flag):
    """The value after `flag` in an argument list, or None."""
    for index, argument in enumerate(arguments[:-1]):
        if argument == flag:
            return arguments[index + 1]
    return None


def check_worker_pod(where, kind, template):
    """Metrics flags, the named port, the probes and the scrape annotations agree."""
    annotations = template.get("metadata", {}).get("annotations", {})
    for container in template["spec"]["containers"]:
        if not WORKERS.intersection(container.get("command", [])):
            continue
        arguments = [str(argument) for argument in container.get("args", [])]
        port = flag_value(arguments, "--metrics-port")
        if port is None:
            problem(where, f"{container['name']} has no --metrics-port")
            continue
        if flag_value(arguments, "--metrics-host") != "0.0.0.0":
            problem(where, f"{container['name']} needs --metrics-host 0.0.0.0 to be reachable from the kubelet")
        named = {p.get("name"): p.get("containerPort") for p in container.get("ports", [])}
        if str(named.get("metrics")) != port:
            problem(where, f"container port 'metrics' is {named.get('metrics')}, --metrics-port is {port}")
        expected_annotations = {
            "prometheus.io/scrape": "true",
            "prometheus.io/port": port,
            "prometheus.io/path": "/metrics",
        }
        for key, value in expected_annotations.items():
            if annotations.get(key) != value:
                problem(where, f"annotation {key} is {annotations.get(key)!r}, expected {value!r}")
        probes = {"startupProbe": "/healthz", "livenessProbe": "/healthz"}
        if kind == "Deployment":
            probes["readinessProbe"] = "/readyz"
        for probe, path in probes.items():
            http_get = container.get(probe, {}).get("httpGet", {})
            if http_get.get("path") != path or http_get.get("port") != "metrics":
                problem(where, f"{probe} must be httpGet {path} on port 'metrics', is {http_get or 'missing'}")


def check_scaled_object(where, scaled_object, deployments):
    if scaled_object.get("apiVersion") != "keda.sh/v1alpha1":
        problem(where, f"apiVersion {scaled_object.get('apiVersion')!r}, expected keda.sh/v1alpha1")
    spec = scaled_object.get("spec", {})
    target = spec.get("scaleTargetRef", {}).get("name")
    if target not in deployments:
        problem(where, f"scaleTargetRef.name {target!r} is none of the Deployments {sorted(deployments)}")
    minimum = spec.get("minReplicaCount", 0)
    maximum = spec.get("maxReplicaCount", 100)
    if not (isinstance(minimum, int) and isinstance(maximum, int) and 0 <= minimum <= maximum <= RAW_PARTITIONS):
        problem(where, f"replica counts {minimum}..{maximum} must be integers within 0..{RAW_PARTITIONS}")
    triggers = spec.get("triggers", [])
    kafka = [trigger for trigger in triggers if trigger.get("type") == "kafka"]
    if len(kafka) != 1 or len(triggers) != 1:
        problem(where, f"expected exactly one trigger, of type kafka; found {[t.get('type') for t in triggers]}")
        return
    metadata = kafka[0].get("metadata", {})
    # The CRD types trigger metadata as a map of strings: an unquoted number or boolean is refused.
    for key, value in metadata.items():
        if not isinstance(value, str):
            problem(where, f"trigger metadata {key} must be a string, is {value!r}")
    for key in ("bootstrapServers", "consumerGroup", "topic", "lagThreshold"):
        if not metadata.get(key):
            problem(where, f"kafka trigger lacks {key}")
    if not str(metadata.get("lagThreshold", "")).isdigit() or int(metadata["lagThreshold"]) < 1:
        problem(where, f"lagThreshold {metadata.get('lagThreshold')!r} must be a positive integer")
    if metadata.get("topic") != "articles.raw":
        problem(where, f"topic {metadata.get('topic')!r}, the enricher consumes articles.raw")
    deployment = deployments.get(target)
    if deployment is not None:
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        group = flag_value([str(a) for a in container.get("args", [])], "--group")
        if metadata.get("consumerGroup") != group:
            problem(where, f"consumerGroup {metadata.get('consumerGroup')!r}, the Deployment runs --group {group!r}")


def check_compose(path):
    compose = yaml.safe_load(path.read_text())
    for name in ("enricher", "sink"):
        service = compose["services"][name]
        port = flag_value([str(a) for a in service.get("command", [])], "--metrics-port")
        test = " ".join(service.get("healthcheck", {}).get("test", []))
        if port is None or f"/dev/tcp/127.0.0.1/{port}" not in test:
            problem(f"{path}:{name}", f"healthcheck must ask the --metrics-port ({port}) on the loopback")


def main():
    deploy = pathlib.Path(sys.argv[1])
    documents = {}
    for path in sorted((deploy / "kubernetes").glob("*.yaml")):
        documents[path] = [document for document in yaml.safe_load_all(path.read_text()) if document]
    deployments = {
        document["metadata"]["name"]: document
        for objects in documents.values()
        for document in objects
        if document.get("kind") == "Deployment"
    }
    for path, objects in documents.items():
        for document in objects:
            kind = document.get("kind")
            where = f"{path.name}:{kind}/{document.get('metadata', {}).get('name')}"
            if kind in ("Deployment", "Job"):
                check_worker_pod(where, kind, document["spec"]["template"])
            elif kind == "ScaledObject":
                check_scaled_object(where, document, deployments)
    if not any(d.get("kind") == "ScaledObject" for objects in documents.values() for d in objects):
        problem(str(deploy), "no ScaledObject found")
    check_compose(deploy / "compose.yaml")
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
