#!/usr/bin/env python3
"""Top CPU consumers of a Java Flight Recorder file: jdk.ExecutionSample stacks, as printed by `jfr print --json`.

    bench/scripts/jfr-top.py recording.jfr [--top 25] [--thread SUBSTRING]

Prints (1) the share of samples per thread name, (2) the top self frames (the method on CPU), and (3) the inclusive
share of a few groups of code a request passes through (TLS crypto, EAP, RADIUS adapter, NAC events, JMS, JPA/H2,
EJB container, logging), each counted once per sample if any frame of the stack belongs to it.
"""
import collections, json, re, subprocess, sys

args = sys.argv[1:]
if not args:
    sys.exit(__doc__)
path, top, only = args[0], 25, None
if "--top" in args:
    top = int(args[args.index("--top") + 1])
if "--thread" in args:
    only = args[args.index("--thread") + 1]

out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]

GROUPS = [  # (name, regex on "class.method"), first match in the list does not matter: inclusive per group
    ("BC TLS protocol (org.bouncycastle.tls)", r"^org\.bouncycastle\.tls\."),
    ("BC crypto provider (org.bouncycastle.jcajce/jce/crypto)", r"^org\.bouncycastle\.(jcajce|jce|crypto|math)\."),
    ("JDK crypto (sun.security, com.sun.crypto, java.math)", r"^(sun\.security\.(rsa|ec|provider|util)|com\.sun\.crypto|java\.math\.BigInteger)"),
    ("certificate path validation (PKIX)", r"^sun\.security\.provider\.certpath|ClientCertificateValidator"),
    ("Turnstile EAP (io.turnstile.eap)", r"^io\.turnstile\.eap\."),
    ("Turnstile RADIUS adapter (io.turnstile.radius.inbound/codec)", r"^io\.turnstile\.radius\.(inbound|codec)"),
    ("Turnstile NAC events (io.turnstile.events)", r"^io\.turnstile\.events\."),
    ("policy (io.turnstile.policy)", r"^io\.turnstile\.policy\."),
    ("JMS / Artemis", r"^org\.apache\.activemq"),
    ("JPA / EclipseLink", r"^org\.eclipse\.persistence"),
    ("H2", r"^org\.h2\."),
    ("JSON (Jackson / Yasson / Parsson)", r"^(com\.fasterxml\.jackson|org\.eclipse\.yasson|org\.eclipse\.parsson|org\.glassfish\.json)"),
    ("EJB / CDI / transactions container", r"^(com\.sun\.ejb|org\.glassfish\.(ejb|weld|enterprise)|org\.jboss\.weld|com\.sun\.enterprise\.transaction|com\.sun\.jts)"),
    ("logging", r"^(java\.util\.logging|com\.sun\.enterprise\.server\.logging|fish\.payara\.logging)"),
    ("Hazelcast", r"^com\.hazelcast"),
]
compiled = [(n, re.compile(r)) for n, r in GROUPS]

threads, selfs, groups = collections.Counter(), collections.Counter(), collections.Counter()
n = 0
for e in events:
    v = e["values"]
    tname = (v.get("sampledThread") or {}).get("javaName") or (v.get("sampledThread") or {}).get("osName") or "?"
    if only and only not in tname:
        continue
    frames = ((v.get("stackTrace") or {}).get("frames")) or []
    names = [f'{f["method"]["type"]["name"]}.{f["method"]["name"]}' for f in frames]
    n += 1
    threads[re.sub(r"\d+", "#", tname)] += 1
    if names:
        selfs[names[0]] += 1
    hit = set()
    for name in names:
        for g, rx in compiled:
            if g not in hit and rx.search(name):
                hit.add(g)
    for g in hit:
        groups[g] += 1

if n == 0:
    sys.exit("no execution samples")
print(f"{n} execution samples{' in threads matching ' + only if only else ''}\n")
print("threads (share of samples):")
for t, c in threads.most_common(12):
    print(f"  {100 * c / n:5.1f} %  {t}")
print("\ninclusive, by code group (a sample counts in every group on its stack):")
for g, c in groups.most_common():
    print(f"  {100 * c / n:5.1f} %  {g}")
print(f"\ntop {top} self frames:")
for m, c in selfs.most_common(top):
    print(f"  {100 * c / n:5.1f} %  {m}")
