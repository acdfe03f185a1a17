// Mahin556/Kubernetes, health-probe notes, "2. Liveness Probes (LP)" (search-index file
// 18789985182), Killercoda, a 1.33/1.34 kubelet: the pod of lvMahinKillercodaLiveness404.test.ts,
// whose fixture gives no stop behaviour for nginx: the command reader decides it.
// The container is nginx started by
//   command: ["/bin/bash","-c"]
//   args: ["echo 'Mahin Raza' > /usr/share/nginx/html/testpath;\nnginx -g \"daemon off;\";\n"]
// Published: `example-pod 1/1 Running 1 (33s ago) 93s` and `2 (2s ago) 2m2s`, with `Killing 24s
// (x2 over 84s)` at a 144 s listing: each liveness kill (60 s, 120 s) and the killed run's exit
// (finishedAt 60 s, 120 s) fall in the same second, so the SIGTERM stopped nginx at once.
// Rule [15.3] (shellFlavour.ts): bash's parse_and_execute (builtins/evalstring.c, a 5.x copy read as
// search-index file 40420330815) does not fork the last simple command of a `-c` string when no
// trap is set and it has no redirection (should_suppress_fork; can_optimize_connection after `;`,
// `&&`, `||`): nginx is exec'd, is PID 1 and stops on SIGTERM. The reader used to keep `bash` as
// PID 1 until an explicit `exec`: it dropped the SIGTERM and the first run ended at 90 s, SIGKILLed
// after the 30 s grace, so the row at 93 s read `1 (2s ago)` (found by this source, session 34).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { runScenario } from '../../engine/run';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/lv-mahin-killercoda-liveness-404.yaml', import.meta.url), 'utf8');

describe('transcript: `bash -c` execs its last simple command (nginx), so nginx gets the SIGTERM (Killercoda, 1.33/1.34) [15.1] [15.3]', () => {
  it.each(['1.33', '1.34'])('the killed runs end in the kills\' seconds, 60 and 120, as published (%s)', (version) => {
    expect(FIXTURE).not.toContain('onStop');
    const text = FIXTURE.replace(/^kubernetesVersion: "[\d.]+"$/m, `kubernetesVersion: "${version}"`);
    const events = runScenario(text).trace!.events;
    const exits = events.filter((e) => e.type === 'container.exit');
    // published: AGE minus "ago", 93 - 33 and 122 - 2 (bash kept as PID 1 gave 90: SIGKILL after the 30 s grace)
    expect(exits.slice(0, 2).map((e) => apiSecond(e.t))).toEqual([60, 120]);
    expect(exits.slice(0, 2).map((e) => e.type === 'container.exit' && e.exitCode)).toEqual([0, 0]); // nginx's fast shutdown, not 137
  });
});
