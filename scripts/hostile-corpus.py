#!/usr/bin/env python3
# Writes Tests/Hostile: the hostile corpus (scenario files, traces, cases.json) run by
# Tests/fleetsimTests/HostileCorpusTests.swift. Edit a case here and run it again; the
# generated files are checked in, so the tests need no Python.

import json, os
root=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Tests', 'Hostile')
sc=root+'/scenarios'
BASE='''# hostile corpus base: a small valid scenario, changed by one line per case
name: base
seed: 1
fleet:
  host_groups:
    - name: e4
      count: 4
      shape_family: E4
      ocpus: 64
      memory: 256GiB
  instance_groups:
    - name: vm
      count: 8
      shape: E4
      host_family: E4
      ocpus: 2
      memory: 16GiB
campaign:
  hosts: {fault_domain: FAULT-DOMAIN-1}
  move: live
'''
cases=[]
def scen(name, text=None, sub=None, append=None, exit=2, frag='', args=None, cmd='validate', position=True, category='', extra=None, binary=None):
    path='scenarios/%s.yaml'%name
    if binary is not None:
        open(os.path.join(root,path),'wb').write(binary)
    else:
        t = text if text is not None else BASE
        if sub:
            for a,b in sub:
                assert a in t, (name,a)
                t=t.replace(a,b,1)
        if append: t += append
        open(os.path.join(root,path),'w').write(t)
    a=[cmd, path] + (['--out','$OUT','--quiet'] if cmd=='run' else []) + (extra or [])
    cases.append(dict(name=name, category=category, args=a, exit=exit, stderr=frag, positioned=position))
def cli(name, args, exit=2, frag='', category='', stdin=None, position=False):
    c=dict(name=name, category=category, args=args, exit=exit, stderr=frag, positioned=position)
    if stdin: c['stdin']=stdin
    cases.append(c)

open(sc+'/base.yaml','w').write(BASE)

# --- conversions that trapped (crash) ---
C='crash'
scen('host-memory-2pow63', sub=[('memory: 256GiB','memory: 9223372036854775808B')], frag='fleet.host_groups[0].memory: expected a positive byte size', category=C)
scen('host-memory-1e30', sub=[('memory: 256GiB','memory: 1e30B')], frag='which is too large', category=C)
scen('instance-memory-2pow64', sub=[('memory: 16GiB','memory: 18446744073709551616B')], frag='which is too large', category=C)
scen('lognormal-huge-p99', sub=[('memory: 16GiB','memory: {dist: lognormal, median: 16GiB, p99: 1e30GiB}')], frag='which is too large', category=C, cmd='run')
scen('lognormal-huge-sigma', sub=[('memory: 16GiB','memory: {dist: lognormal, median: 16GiB, sigma: 40}')], frag='expected a distribution whose draws stay within 1EiB', category=C, cmd='run')
scen('pareto-boot', append='reboot_migration:\n  boot: {dist: pareto, scale: 1s, shape: 0.01}\n', frag='reboot_migration.boot: expected a distribution whose draws stay within 100 years', category=C, cmd='run')
scen('pareto-memory', sub=[('memory: 16GiB','memory: {dist: pareto, scale: 1GiB, shape: 0.05}')], frag='fleet.instance_groups[0].memory: expected a distribution whose draws stay within', category=C, cmd='run')
scen('exponential-maintenance-huge', sub=[('  move: live','  move: live\n  maintenance_duration: {dist: exponential, mean: 1e12s}')], frag='campaign.maintenance_duration', category=C, cmd='run')
scen('uniform-memory-huge', sub=[('memory: 16GiB','memory: {dist: uniform, min: 1GiB, max: 2000PiB}')], frag='which is too large', category=C, cmd='run')
scen('normal-ocpus-huge', sub=[('ocpus: 2\n','ocpus: {dist: normal, mean: 2, sd: 1e300}\n')], frag='fleet.instance_groups[0].ocpus', category=C, cmd='run')
scen('page-size-0', sub=[('  move: live','  move: live\n  live_migration:\n    page_size: 0B')], frag='campaign.live_migration.page_size: expected a positive byte size', category=C, cmd='run')
scen('page-size-3k', sub=[('  move: live','  move: live\n  live_migration:\n    page_size: 3KiB')], frag='page_size: expected a power of two from 512B to 1GiB', category=C)
scen('page-size-256', sub=[('  move: live','  move: live\n  live_migration:\n    page_size: 256B')], frag='expected a power of two', category=C)
scen('page-size-4g', sub=[('  move: live','  move: live\n  live_migration:\n    page_size: 4GiB')], frag='expected a power of two', category=C)
scen('device-state-huge', sub=[('  move: live','  move: live\n  live_migration:\n    device_state: 1e30B')], frag='which is too large', category=C)
scen('count-2pow63', sub=[('count: 4','count: 9223372036854775808')], frag='fleet.host_groups[0].count', category=C)
scen('nic-huge', sub=[('memory: 256GiB','memory: 256GiB\n      nic: 1e30Gbit/s')], frag='which is too large', category=C)
cli('scale-1e300', ['run','scenarios/base.yaml','--out','$OUT','--scale','1e300'], frag="--scale: expected a positive factor of at most 1000", category=C)
cli('scale-inf', ['run','scenarios/base.yaml','--out','$OUT','--scale','inf'], frag="--scale: expected", category=C)
cli('scale-nan', ['run','scenarios/base.yaml','--out','$OUT','--scale','nan'], frag="--scale: expected", category=C)
cli('migrate-device-state-1e30', ['migrate','--memory','16GiB','--bandwidth','10Gbit/s','--device-state','1e30B'], frag='--device-state: expected', category=C)
cli('migrate-memory-2pow63', ['migrate','--memory','9223372036854775808B','--bandwidth','10Gbit/s'], frag='--memory: expected', category=C)
cli('migrate-page-header-huge', ['migrate','--memory','16GiB','--bandwidth','10Gbit/s','--page-header','1e25B'], frag='--page-header: expected', category=C)
cli('migrate-xbzrle-cache-huge', ['migrate','--memory','16GiB','--bandwidth','10Gbit/s','--xbzrle','--xbzrle-cache','1e40B'], frag='--xbzrle-cache: expected', category=C)

# --- found by the fuzz tests ---
FZ='fuzz'
scen('fuzz-ocpus-1e300-lxd', text=open(os.path.join(root,'regressions','lxd-relay-1bit-client.yaml')).read().replace('      ocpus: 48\n', '      ocpus: 1e300\n', 1), frag='fleet.host_groups[0].ocpus: expected a positive number of at most 1e15', category=FZ)

# --- paths ---
P='path'
cli('validate-x', ['validate','x'], frag='x: error: expected an existing scenario file, found no such file', category=P)
cli('validate-dot', ['validate','.'], frag='.: error: expected a scenario file (.yaml), found a directory', category=P)
cli('run-x', ['run','x','--out','$OUT'], frag='x: error: expected an existing scenario file', category=P)
cli('run-dot', ['run','.','--out','$OUT'], frag='found a directory', category=P)
cli('run-dash-empty-stdin', ['run','-','--out','$OUT'], frag='<stdin>:1:1: error: expected a mapping of scenario settings, found an empty document', category=P, stdin='/dev/null')
cli('validate-dash-bad-stdin', ['validate','-'], frag='<stdin>:', category=P, stdin='scenarios/host-memory-2pow63.yaml', position=True)
cli('validate-etc-shadow', ['validate','/etc/shadow'], frag='expected a scenario file whose name ends in .yaml or .yml', category=P)
cli('validate-etc-passwd', ['validate','/etc/passwd'], frag='expected a scenario file whose name ends in .yaml or .yml', category=P)
cli('validate-dev-null', ['validate','/dev/null'], frag='found a device, pipe or socket', category=P)
cli('validate-empty-name', ['validate',''], frag='error: expected an existing scenario file', category=P)
cli('validate-slash', ['validate','/'], frag='found a directory', category=P)
cli('validate-csv-as-scenario', ['validate','scenarios/samples.csv'], frag="found a '.csv' file", category=P)
scen('empty-file', text='', frag='expected a mapping of scenario settings, found an empty document', category=P)
scen('comment-only', text='# nothing here\n', frag='found an empty document', category=P)
scen('not-utf8', binary=b'name: caf\xe9\nfleet: {}\n', frag='not-utf8.yaml:1:10: error: expected UTF-8 text, found bytes that are not UTF-8', category=P)
scen('binary-garbage', binary=bytes(range(256))*4, frag='expected UTF-8 text', category=P)
scen('outside-csv', sub=[('memory: 16GiB','memory: {dist: empirical, file: ../../../../../../etc/passwd}')], frag="expected a CSV file in the scenario's folder (or pass --allow-outside-paths), found '../../../../../../etc/passwd', which is outside it", category=P)
scen('outside-csv-absolute', sub=[('memory: 16GiB','memory: {dist: empirical, file: /etc/shadow}')], frag="which is outside it", category=P)
scen('csv-not-csv', sub=[('memory: 16GiB','memory: {dist: empirical, file: base.yaml}')], frag="expected a CSV file whose name ends in .csv, found 'base.yaml'", category=P)
scen('csv-missing', sub=[('memory: 16GiB','memory: {dist: empirical, file: nowhere.csv}')], frag="'nowhere.csv': no such file", category=P)
scen('csv-too-big-for-limit', sub=[('memory: 16GiB','memory: {dist: empirical, file: samples.csv, column: memory}')], frag='expected a CSV file that fits the memory limit', category=P, extra=['--max-memory','1KiB'])
cli('trace-etc-passwd', ['migrate','--memory','16GiB','--bandwidth','10Gbit/s','--dirty-model','trace','--dirty-trace','/etc/passwd'], frag="--dirty-trace: expected a CSV file whose name ends in .csv, found '/etc/passwd'", category=P)
cli('trace-missing', ['migrate','--memory','16GiB','--bandwidth','10Gbit/s','--dirty-model','trace','--dirty-trace','none.csv'], frag="--dirty-trace: expected a readable CSV file, found 'none.csv': no such file", category=P)
cli('trace-directory', ['migrate','--memory','16GiB','--bandwidth','10Gbit/s','--dirty-model','trace','--dirty-trace','scenarios'], frag="a directory", category=P)
cli('out-through-file', ['run','scenarios/base.yaml','--out','scenarios/base.yaml/reports'], frag="--out: expected a directory (or a path to create one)", category=P)
cli('out-empty', ['run','scenarios/base.yaml','--out',''], frag="--out: expected a directory path, found an empty value", category=P)

# --- resources (unbounded allocation) ---
R='resource'
scen('hosts-1e10', sub=[('count: 4','count: 10000000000')], frag='--max-memory: expected a run that fits the memory limit', category=R, position=False)
scen('instances-1e12', sub=[('count: 8','count: 1000000000000')], frag='--max-memory: expected a run that fits', category=R, position=False, cmd='run')
cli('replications-1e9', ['run','scenarios/base.yaml','--out','$OUT','--replications','1000000000'], frag='--max-memory: expected a run that fits the memory limit', category=R)
cli('replications-1e12', ['run','scenarios/base.yaml','--out','$OUT','--replications','1000000000000'], frag='--replications: expected a whole number from 1 to 1000000000', category=R)
cli('scale-1e6', ['run','scenarios/base.yaml','--out','$OUT','--scale','1e6'], frag='--scale: expected a positive factor of at most 1000', category=R)
cli('scale-1000-small-limit', ['run','scenarios/base.yaml','--out','$OUT','--scale','1000','--max-memory','1MiB'], frag='--max-memory: expected a run that fits the memory limit of 1.0 MiB', category=R)
scen('link-sample-1ns', append='report:\n  link_sample_interval: 1ns\n', frag='report.link_sample_interval: expected a duration of at least', category=R, cmd='run')
cli('bitmap-1pib', ['migrate','--memory','1PiB','--bandwidth','10Gbit/s','--dirty-model','bitmap'], frag='--max-memory: expected a run that fits the memory limit', category=R)
cli('bitmap-64gib-small-limit', ['migrate','--memory','64GiB','--bandwidth','10Gbit/s','--dirty-model','bitmap','--max-memory','1MiB'], frag='the page bitmap of 64.0 GiB', category=R)
cli('max-memory-bad', ['run','scenarios/base.yaml','--out','$OUT','--max-memory','lots'], frag='--max-memory: expected a positive byte size', category=R)
cli('max-memory-zero', ['validate','scenarios/base.yaml','--max-memory','0B'], frag='--max-memory: expected a positive byte size', category=R)
cli('jobs-zero', ['run','scenarios/base.yaml','--out','$OUT','--jobs','0'], frag='--jobs: expected a whole number from 1 to 4096', category=R)
cli('jobs-huge', ['run','scenarios/base.yaml','--out','$OUT','--jobs','99999999999'], frag='--jobs: expected a whole number from 1 to 4096', category=R)
cli('max-steps-zero', ['migrate','--memory','16GiB','--bandwidth','10Gbit/s','--max-steps','0'], frag='--max-steps: expected a whole number from 1', category=R)

# --- silently accepted nonsense ---
N='nonsense'
scen('downtime-limit-0', sub=[('  move: live','  move: live\n  live_migration:\n    downtime_limit: 0s')], frag='campaign.live_migration.downtime_limit: expected a positive duration', category=N)
cli('migrate-downtime-limit-0', ['migrate','--memory','16GiB','--bandwidth','10Gbit/s','--downtime-limit','0s'], frag='--downtime-limit: expected a positive duration', category=N)
cli('migrate-completion-timeout-1ns', ['migrate','--memory','16GiB','--bandwidth','10Gbit/s','--completion-timeout','1ns'], frag='--completion-timeout: expected a duration of at least 1s', category=N)
scen('mtbf-1ns', append='failures:\n  hosts:\n    mtbf: 1ns\n', frag='failures.hosts.mtbf: expected a duration of at least 1m', category=N)
scen('mtbf-dist-1ns', append='failures:\n  hosts:\n    mtbf: {dist: exponential, mean: 1ns}\n', frag='failures.hosts.mtbf', category=N)
scen('rack-power-rate-per-ns', append='failures:\n  racks:\n    power: {per_rack: 1/1ns, outage: 1h}\n', frag='of at most 1/1min', category=N)
scen('nic-rate-per-ns', append='failures:\n  links:\n    nic: {per_link: 5/1s, duration: 1min}\n', frag='of at most 1/1min', category=N)
cli('trace-negative-rate', ['migrate','--memory','1GiB','--bandwidth','10Gbit/s','--dirty-model','trace','--dirty-trace','traces/negative.csv'], frag="line 3 of 'traces/negative.csv': rate -5 B/s", category=N)
cli('trace-nan-rate', ['migrate','--memory','1GiB','--bandwidth','10Gbit/s','--dirty-model','trace','--dirty-trace','traces/nan.csv'], frag="line 2 of 'traces/nan.csv': rate nan B/s", category=N)
cli('trace-text-rate', ['migrate','--memory','1GiB','--bandwidth','10Gbit/s','--dirty-model','trace','--dirty-trace','traces/text.csv'], frag="'fast', which is not a number", category=N)
cli('trace-negative-time', ['migrate','--memory','1GiB','--bandwidth','10Gbit/s','--dirty-model','trace','--dirty-trace','traces/negative-time.csv'], frag="time -1 s", category=N)
cli('trace-empty', ['migrate','--memory','1GiB','--bandwidth','10Gbit/s','--dirty-model','trace','--dirty-trace','traces/empty.csv'], frag="--dirty-trace: expected at least one sample", category=N)
scen('host-memory-0', sub=[('memory: 256GiB','memory: 0B')], frag='fleet.host_groups[0].memory: expected a positive byte size, found \'0B\'', category=N)
scen('explicit-host-memory-0', text=BASE.replace('''  host_groups:
    - name: e4
      count: 4
      shape_family: E4
      ocpus: 64
      memory: 256GiB
''','''  hosts:
    - name: h1
      shape_family: E4
      ocpus: 64
      memory: 0B
'''), frag='fleet.hosts[0].memory: expected a positive byte size', category=N)
scen('anti-affinity-unsatisfiable', sub=[('      memory: 16GiB','      memory: 16GiB\n      anti_affinity_group_size: 8')], frag='anti_affinity_group_size: expected at most 4, the hosts of family', category=N)
cli('format-empty', ['run','scenarios/base.yaml','--out','$OUT','--format',''], frag='--format: expected a comma-separated list of json, csv, md, found no format', category=N)
cli('format-commas', ['run','scenarios/base.yaml','--out','$OUT','--format',',,'], frag='found no format', category=N)
cli('format-typo', ['run','scenarios/base.yaml','--out','$OUT','--format','jsn'], frag="unknown format 'jsn'; did you mean 'json'?", category=N)
cli('seed-negative', ['run','scenarios/base.yaml','--out','$OUT','--seed','-1'], frag="--seed: expected a whole number from 0 to 18446744073709551615, found '-1'", category=N)
cli('seed-text', ['run','scenarios/base.yaml','--out','$OUT','--seed','abc'], frag="--seed: expected a whole number", category=N)
cli('seed-too-big', ['run','scenarios/base.yaml','--out','$OUT','--seed','18446744073709551616'], frag="--seed: expected a whole number", category=N)
cli('migrate-seed-negative', ['migrate','--memory','16GiB','--bandwidth','10Gbit/s','--seed','-1'], frag="--seed: expected a whole number from 0", category=N)
cli('replications-negative', ['run','scenarios/base.yaml','--out','$OUT','--replications','-3'], frag="--replications: expected a whole number from 1", category=N)
scen('rack-typo', sub=[('hosts: {fault_domain: FAULT-DOMAIN-1}','hosts: {rack: e4-rack-0}')], frag="campaign.hosts.rack: expected the name of a rack of the fleet", category=N)
scen('rack-typo-suggested', sub=[('hosts: {fault_domain: FAULT-DOMAIN-1}','hosts: {rack: e4-rak-00}')], frag="(did you mean 'e4-rack-00'?)", category=N)
scen('fault-domain-typo', sub=[('hosts: {fault_domain: FAULT-DOMAIN-1}','hosts: {fault_domain: FAULT-DOMIAN-1}')], frag="(did you mean 'FAULT-DOMAIN-1'?)", category=N)
scen('csv-bare-number-memory', sub=[('memory: 16GiB','memory: {dist: empirical, file: bare.csv, column: memory}')], frag="line 2, column 'memory': expected a byte size with a unit (e.g. 16GiB, 512MiB, 1.5TB), found '8' (missing unit)", category=N)
scen('csv-bad-unit', sub=[('memory: 16GiB','memory: {dist: empirical, file: badunit.csv}')], frag="unknown unit 'GB/s'", category=N)
scen('replications-zero', sub=[('seed: 1','seed: 1\nreplications: 0')], frag='replications: expected a whole number of at least 1', category=N)
scen('horizon-zero', sub=[('seed: 1','seed: 1\nhorizon: 0s')], frag='horizon: expected a positive duration', category=N)

# --- YAML structure ---
Y='yaml'
scen('tabs', text='name: x\nfleet:\n\thost_groups: []\n', frag='expected valid YAML', category=Y)
scen('unclosed-flow', text='fleet: {host_groups: [\n', frag='expected valid YAML', category=Y)
scen('deep-nesting', text='fleet: ' + '['*5000 + ']'*5000 + '\n', frag='Maximum nesting level reached', category=Y)
scen('root-sequence', text='- a\n- b\n', frag='expected a mapping', category=Y)
scen('root-scalar', text='just text\n', frag='expected a mapping', category=Y)
scen('duplicate-keys', text=BASE.replace('seed: 1','seed: 1\nseed: 2'), frag="duplicate key 'seed'", category=Y)
laughs='anchors:\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
prev='a'
for i in range(1,10):
    laughs+='  l%d: &l%d [%s]\n'%(i,i,','.join(['*'+prev]*9)); prev='l%d'%i
scen('billion-laughs', text=laughs+'fleet:\n  host_groups: *l9\ncampaign:\n  hosts: all\n', frag='expected a mapping, found a sequence', category=Y)
scen('huge-key', text='k'*100000+': 1\n', frag='expected valid YAML', category=Y)
scen('memory-as-list', sub=[('memory: 256GiB','memory: [1, 2]')], frag='fleet.host_groups[0].memory: expected a positive byte size', category=Y)
scen('null-fleet', text='fleet:\ncampaign:\n  hosts: all\n', frag='fleet:', category=Y)
scen('dirty-dist-unknown', sub=[('      memory: 16GiB','      memory: 16GiB\n      guest:\n        dirty: {dist: zipf, s: 2}')], frag="fleet.instance_groups[0].guest.dirty.dist", category=Y)

# --- migrate flags ---
M='migrate-flags'
base=['migrate','--memory','16GiB','--bandwidth','10Gbit/s']
for n,extra,frag in [
  ('no-memory',['--memory',''],'--memory: expected'),
  ('memory-negative',['--memory','-16GiB'],"--memory: expected a positive byte size with a unit (e.g. 16GiB, 512MiB, 4KiB), found '-16GiB', which is negative"),
  ('memory-not-pages',['--memory','4097B'],'--memory: expected a whole number of'),
  ('page-size-3k',['--page-size','3KiB'],'--page-size: expected a power of two'),
  ('page-size-0',['--page-size','0B'],'--page-size: expected'),
  ('bandwidth-zero',['--bandwidth','0'],'--bandwidth: expected a positive bandwidth'),
  ('bandwidth-nan',['--bandwidth','nanGbit/s'],'--bandwidth: expected'),
  ('bandwidth-change-no-eq',['--bandwidth-change','5s'],"--bandwidth-change: expected TIME=RATE"),
  ('bandwidth-change-negative',['--bandwidth-change','5s=-1Gbit/s'],"--bandwidth-change: expected"),
  ('dirty-percent-no-per-s',['--dirty','2%'],"did you mean '2%/s'?"),
  ('dirty-pages-nan',['--dirty','nanpages/s'],"--dirty: expected a dirty rate"),
  ('horizon-year-unit',['--horizon','100y'],"--horizon: expected a positive duration"),
  ('horizon-too-long',['--horizon','400000d'],"--horizon: expected"),
  ('phase-negative',['--phase','10s=-2'],"--phase: expected TIME=FACTOR"),
  ('event-unknown',['--event','10s=explode'],"--event: expected one of"),
  ('multifd-zero',['--multifd-channels','0'],"--multifd-channels: expected a whole number from 1 to 255"),
  ('throttle-no-ac',['--throttle-max','50'],"--throttle-max: expected --auto-converge as well"),
  ('timeout-action-no-timeout',['--timeout-action','abort'],"--timeout-action: expected a completion timeout"),
  ('downtime-limit-with-ramp',['--preset','nova','--downtime-limit','100ms','--max-downtime','1s'],"--downtime-limit: expected either a fixed limit or a downtime ramp"),
  ('max-sent-factor-zero',['--max-sent-factor','0'],"--max-sent-factor: expected a positive factor"),
  ('preset-typo',['--preset','novaa'],"did you mean 'nova'?"),
  ('fuzz-switchover-off-nothing-ends',['--memory','2MiB','--switchover-rule','off','--device-state','0B'],"--switchover-rule: expected 'off' only with --max-live-passes or --min-pages-per-pass"),
  ('fuzz-xen-limits-none',['--preset','xen','--max-live-passes','none','--min-pages-per-pass','none'],"--switchover-rule: expected 'off' only with"),
  ('unknown-flag',['--bandwith','10Gbit/s'],"Unknown option '--bandwith'"),
]:
    cli('migrate-'+n, base+extra, frag=frag, category=M)

json.dump(cases, open(root+'/cases.json','w'), indent=1)
os.makedirs(root+'/scenarios', exist_ok=True)
open(sc+'/samples.csv','w').write('memory\n' + '8GiB\n'*2000)
open(sc+'/bare.csv','w').write('memory\n8\n16\n')
open(sc+'/badunit.csv','w').write('8GB/s\n16GiB\n')
os.makedirs(root+'/traces', exist_ok=True)
open(root+'/traces/negative.csv','w').write('seconds,bytes_per_second\n0,1000\n5,-5\n')
open(root+'/traces/nan.csv','w').write('seconds,bytes_per_second\n0,nan\n')
open(root+'/traces/text.csv','w').write('seconds,bytes_per_second\n0,100\n5,fast\n')
open(root+'/traces/negative-time.csv','w').write('seconds,bytes_per_second\n-1,100\n')
open(root+'/traces/empty.csv','w').write('seconds,bytes_per_second\n')
from collections import Counter
print(len(cases), Counter(c['category'] for c in cases))
