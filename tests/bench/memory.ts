// Peak memory of a process and all its descendants, sampled from /proc (Linux only). The build
// CLI runs `tsx check.ts` and then `astro build` as child processes, so the CLI's own figure
// would say nothing; this follows the whole tree.
import { readdirSync, readFileSync } from 'node:fs';

export interface MemoryPeak {
  /** the largest single process's high-water mark (VmHWM), bytes */
  maxProcessBytes: number;
  /** the largest sum of resident memory (VmRSS) over the tree at one sample, bytes */
  maxTreeBytes: number;
  /** samples taken */
  samples: number;
  /** the command of the process with the largest high-water mark (node, Astro, Pagefind …) */
  largest?: string;
  /** the largest high-water mark of each command, bytes (`node astro.js`: the Astro build) */
  byCommand?: Record<string, number>;
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // exited between listing and reading
  }
}

/** A process's program and first argument, shortened: `node astro.js`, `pagefind`. */
function commandOf(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '' && !a.startsWith('-'));
    const base = (p: string) => p.split('/').pop() ?? p;
    return argv.filter((a) => !a.endsWith('.cjs')).slice(0, 2).map(base).join(' ');
  } catch {
    return '';
  }
}

/** pid → parent pid for every process visible now. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields restart after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(name), Number(fields[1]));
    } catch { /* gone */ }
  }
  return out;
}

function tree(root: number): number[] {
  const ppid = parents();
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    for (const [pid, parent] of ppid) if (parent === pids[i]) pids.push(pid);
  }
  return pids;
}

/** Sample every `intervalMs` until `stop()`; returns the peaks seen. */
export function sampleMemory(rootPid: number, intervalMs = 100): { stop(): MemoryPeak } {
  const hwm = new Map<number, number>();
  const names = new Map<number, string>();
  let maxTreeBytes = 0;
  let samples = 0;
  const sample = () => {
    let sum = 0;
    for (const pid of tree(rootPid)) {
      const rss = statusKb(pid, 'VmRSS');
      if (rss === 0) continue; // gone, or a kernel thread
      sum += rss;
      hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusKb(pid, 'VmHWM')));
      if (!names.has(pid)) names.set(pid, commandOf(pid));
    }
    maxTreeBytes = Math.max(maxTreeBytes, sum * 1024);
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const [pid, kb] = [...hwm].reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
      const byCommand: Record<string, number> = {};
      for (const [p, k] of hwm) {
        const name = names.get(p) ?? '';
        byCommand[name] = Math.max(byCommand[name] ?? 0, k * 1024);
      }
      return { maxProcessBytes: kb * 1024, maxTreeBytes, samples, largest: names.get(pid) ?? '', byCommand };
    },
  };
}
