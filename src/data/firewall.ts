/**
 * The UFW rule set of the three nodes, as derived from the documented
 * requirements (ch04): k3s's published inbound-port table, Cloudflare's
 * published IP ranges for the origin port, and SSH for the operators.
 *
 * This is the rule set the requirements imply and the book recommends, not a
 * dump of the live nodes: the seed does not record the live rules (the few the
 * book relies on are assumed facts in deployment.ts: ufw.port80, ufw.port443). Compare each node with
 * `sudo ufw status numbered` (ch04, runbook §8) and correct this file, once,
 * if they differ.
 *
 * Ports are data here (the prose renders them from this module); the pod and
 * service networks come from src/data/deployment.ts so each is held once.
 */
import type {Source} from './types';
import {getFact} from './deployment';

/** Transport protocol of a rule. `any` is a source-address rule with no port. */
export type FirewallProto = 'tcp' | 'udp' | 'any';

export interface FirewallRule {
  /** Stable id, kebab-case: used as the table row's anchor (`fw-<id>`). */
  id: string;
  /** Destination port or range (`2379-2380`), or `any` for an address-only rule. */
  port: string;
  proto: FirewallProto;
  /** Who may connect: a description, never an address (addresses live in deployment.ts). */
  from: string;
  /** Which nodes carry the rule. All three are k3s servers, so every rule is on every node. */
  nodes: 'all';
  /** Why the rule exists, in one or two sentences. */
  why: string;
  /** The UFW command that creates it; `<PLACEHOLDERS>` stand for addresses. */
  ufw: string;
  /** Where the rule comes from. */
  source: Source;
}

const K3S_REQUIREMENTS = 'https://docs.k3s.io/installation/requirements';
const CLOUDFLARE_IPS = 'https://developers.cloudflare.com/fundamentals/concepts/cloudflare-ip-addresses/';
const UBUNTU_UFW = 'https://help.ubuntu.com/community/UFW';

function value(id: string): string {
  const fact = getFact(id);
  if (!fact) throw new Error(`src/data/firewall.ts: unknown fact id "${id}"`);
  return fact.value;
}

const podCidr = value('net.podCidr');
const serviceCidr = value('net.serviceCidr');
const apiPort = value('k3s.apiPort');

/** Every allow rule, in the order ch04 explains them. Everything else is denied (UFW's default). */
export const FIREWALL_RULES: readonly FirewallRule[] = [
  {
    id: 'ssh',
    port: '22',
    proto: 'tcp',
    from: 'operator IPs',
    nodes: 'all',
    why: 'SSH for the operators (the hetzner1..3 aliases). Open to the operators’ addresses only, never to the world.',
    ufw: 'sudo ufw allow proto tcp from <OPERATOR_IP> to any port 22',
    source: {
      kind: 'derived',
      url: UBUNTU_UFW,
      note: 'UFW denies incoming by default; SSH must be allowed before enabling it',
    },
  },
  {
    id: 'http-cloudflare',
    port: '80',
    proto: 'tcp',
    from: 'Cloudflare IP ranges',
    nodes: 'all',
    why: 'Traefik’s web entrypoint on the host network. With SSL mode Flexible, Cloudflare reaches the origin over plain HTTP on port 80; nobody else should.',
    ufw: "sudo ufw allow proto tcp from <CLOUDFLARE_RANGE> to any port 80 comment 'cloudflare'",
    source: {
      kind: 'derived',
      url: CLOUDFLARE_IPS,
      note: 'allow Cloudflare’s published ranges at the origin and block everything else',
    },
  },
  {
    id: 'k3s-api-nodes',
    port: apiPort,
    proto: 'tcp',
    from: 'the other two nodes',
    nodes: 'all',
    why: 'k3s supervisor and Kubernetes API. Every server joins and talks to the others through it, and it carries the agent tunnels the API server uses to reach kubelets (logs, exec, port-forward).',
    ufw: `sudo ufw allow proto tcp from <OTHER_NODE_IP> to any port ${apiPort}`,
    source: {
      kind: 'derived',
      url: K3S_REQUIREMENTS,
      note: 'inbound rules: TCP 6443, K3s supervisor and Kubernetes API',
    },
  },
  {
    id: 'k3s-api-operators',
    port: apiPort,
    proto: 'tcp',
    from: 'operator IPs',
    nodes: 'all',
    why: 'kubectl from the operator workstation (the kubeconfig on the workstation points at a node). Never open to the world: the API is the whole cluster.',
    ufw: `sudo ufw allow proto tcp from <OPERATOR_IP> to any port ${apiPort}`,
    source: {
      kind: 'derived',
      url: 'https://github.com/k3s-io/k3s/issues/1280',
      note: 'a k3s maintainer: 6443 must be open to the nodes, not the world; the seed puts the kubeconfig on the operator workstation',
    },
  },
  {
    id: 'etcd',
    port: '2379-2380',
    proto: 'tcp',
    from: 'the other two nodes',
    nodes: 'all',
    why: 'Embedded etcd client and peer traffic between the three servers (HA with embedded etcd). etcd holds the whole cluster state, every Secret included: peers only, TLS or not.',
    ufw: 'sudo ufw allow proto tcp from <OTHER_NODE_IP> to any port 2379:2380',
    source: {
      kind: 'derived',
      url: K3S_REQUIREMENTS,
      note: 'inbound rules: TCP 2379-2380, servers to servers, HA with embedded etcd',
    },
  },
  {
    id: 'vxlan',
    port: '8472',
    proto: 'udp',
    from: 'the other two nodes',
    nodes: 'all',
    why: 'Flannel VXLAN: every pod-to-pod packet between nodes travels inside it. Unauthenticated and unencrypted, so only the peers may send it.',
    ufw: 'sudo ufw allow proto udp from <OTHER_NODE_IP> to any port 8472',
    source: {
      kind: 'derived',
      url: K3S_REQUIREMENTS,
      note: 'inbound rules: UDP 8472, all to all, Flannel VXLAN; must not be exposed to the world',
    },
  },
  {
    id: 'kubelet',
    port: '10250',
    proto: 'tcp',
    from: 'the other two nodes',
    nodes: 'all',
    why: 'Kubelet API and metrics, for metrics-server, which scrapes every kubelet directly. The API server does not use this port between nodes: k3s carries kubectl logs and exec through the agent tunnel on the supervisor port (egress-selector-mode agent, the default). The kubelet serves exec into pods, so peers only.',
    ufw: 'sudo ufw allow proto tcp from <OTHER_NODE_IP> to any port 10250',
    source: {
      kind: 'derived',
      url: K3S_REQUIREMENTS,
      note: 'inbound rules: TCP 10250, all to all, kubelet metrics and API; "If you wish to utilize the metrics server, all nodes must be accessible to each other on port 10250", while "all kubelet traffic runs through that tunnel" (see also docs.k3s.io/networking/basic-network-options, Control-Plane Egress Selector configuration)',
    },
  },
  {
    id: 'pod-network',
    port: 'any',
    proto: 'any',
    from: `the pod network (${podCidr})`,
    nodes: 'all',
    why: 'Pods reaching processes on the nodes themselves (the Kubernetes API behind its Service, hostNetwork Traefik, the kubelet). UFW sees these as inbound packets and would drop them.',
    ufw: `sudo ufw allow from ${podCidr} to any`,
    source: {kind: 'derived', url: K3S_REQUIREMENTS, note: 'if UFW stays on: allow from the pod CIDR'},
  },
  {
    id: 'service-network',
    port: 'any',
    proto: 'any',
    from: `the service network (${serviceCidr})`,
    nodes: 'all',
    why: 'Listed by k3s beside the pod-network rule for clusters that keep UFW on. UFW’s rules are evaluated before kube-proxy’s, so Service traffic it does not allow is dropped.',
    ufw: `sudo ufw allow from ${serviceCidr} to any`,
    source: {kind: 'derived', url: K3S_REQUIREMENTS, note: 'if UFW stays on: allow from the service CIDR'},
  },
];

/** The ports that must never be reachable from the internet (ch04). */
export const NEVER_PUBLIC: readonly string[] = ['8472/udp', '2379-2380/tcp', '10250/tcp', `${apiPort}/tcp`];

/** The anchor of a rule's row in the firewall table: `fw-<id>`. */
export function firewallAnchor(id: string): string {
  return `fw-${id}`;
}
