/**
 * Knowledge that cuts across programs, as data: environment variables that make programs run code,
 * security and logging services, log and history files, files that configure Airlock or the assistant
 * itself, and data transformers.
 */

/** Environment variables whose value is run as code by some program. `shell`: shell source; `program`: a path. */
export const EXEC_ENV: Readonly<Record<string, 'shell' | 'program' | 'library' | 'options' | 'file'>> = {
  GIT_SSH_COMMAND: 'shell', GIT_SSH: 'program', GIT_EXTERNAL_DIFF: 'shell', GIT_PAGER: 'shell', GIT_EDITOR: 'shell',
  GIT_SEQUENCE_EDITOR: 'shell', GIT_ASKPASS: 'program', GIT_PROXY_COMMAND: 'shell', GIT_CONFIG_PARAMETERS: 'options',
  GIT_CONFIG_GLOBAL: 'file', GIT_CONFIG_SYSTEM: 'file', GIT_TEMPLATE_DIR: 'file', GIT_EXEC_PATH: 'file',
  PAGER: 'shell', MANPAGER: 'shell', SYSTEMD_PAGER: 'shell', EDITOR: 'shell', VISUAL: 'shell', SUDO_EDITOR: 'shell',
  SSH_ASKPASS: 'program', SUDO_ASKPASS: 'program', BROWSER: 'shell', LESSOPEN: 'shell', LESSCLOSE: 'shell',
  PROMPT_COMMAND: 'shell', BASH_ENV: 'file', ENV: 'file', ZDOTDIR: 'file', PS4: 'shell',
  LD_PRELOAD: 'library', LD_LIBRARY_PATH: 'library', LD_AUDIT: 'library', DYLD_INSERT_LIBRARIES: 'library',
  DYLD_LIBRARY_PATH: 'library', PYTHONSTARTUP: 'file', PYTHONPATH: 'library', PYTHONHOME: 'library',
  NODE_OPTIONS: 'options', NODE_PATH: 'library', PERL5OPT: 'options', PERL5LIB: 'library', PERLLIB: 'library',
  RUBYOPT: 'options', RUBYLIB: 'library', JAVA_TOOL_OPTIONS: 'options', _JAVA_OPTIONS: 'options',
  npm_config_script_shell: 'program', NPM_CONFIG_SCRIPT_SHELL: 'program', CARGO_BUILD_RUSTC_WRAPPER: 'program',
  RUSTC_WRAPPER: 'program', CC: 'program', CXX: 'program', MAKESHELL: 'program', SHELL: 'program',
};

/** Assignments that switch off shell history: tampering with the record of what ran. */
export function historyTamper(name: string, value: string | null): boolean {
  if (name === 'HISTFILE') return value === null || value === '' || value === '/dev/null';
  if (name === 'HISTSIZE' || name === 'HISTFILESIZE' || name === 'SAVEHIST') return value === '0';
  return false;
}

/** Services, agents and daemons that protect or record the machine (security tools and loggers). */
export const SECURITY_SERVICE = /^(?:auditd|audit|falcon[-_]?sensor|falcond|falcon|crowdstrike|cs(?:falcon|agent)|sentinel(?:one|agent|d)?|s1-agent|osqueryd?|wazuh(?:-agent)?|ossec|clam(?:av(?:-daemon)?|d)|freshclam|apparmor|selinux|firewalld|ufw|nftables|iptables|netfilter-persistent|fail2ban|rsyslogd?|syslog(?:-ng)?|systemd-journald|journald|sysmon|elastic-agent|(?:file|audit|packet)beat|fluentd|fluent-bit|td-agent|datadog-agent|splunkd?|splunkforwarder|santa(?:d)?|xprotect|mdatp|wdavdaemon|carbonblack|cbagentd|cylancesvc|tanium|qualys(?:-cloud-agent)?|aide|tripwire|airlock(?:-server)?)(?:\.service)?$/i;

/** Files whose change or removal erases the record of what happened. */
export const LOG_PATH = /^(?:\/var\/log(?:\/|$)|\/var\/audit|\/var\/account|\/private\/var\/log|.*\/\.(?:bash|zsh|sh|fish|python|node_repl|psql|mysql|sqlite)_history$|.*\/\.local\/share\/fish\/fish_history$|.*\/\.airlock\/audit|\/var\/lib\/airlock\/audit|\/run\/log\/journal|\/var\/log\/journal)/;

/**
 * Files that configure the guard itself or the assistant's hooks: changing them can switch Airlock off.
 * Matched against the absolute path.
 */
export const SELF_PROTECT = /(?:^|\/)(?:\.airlock\/(?:config|policy|managed|keys|settings)|\.claude\/settings(?:\.local)?\.json|\.gemini\/settings\.json|\.cursor\/hooks\.json|\.codex\/(?:config\.toml|hooks\.json)|etc\/airlock\/|etc\/claude-code\/managed-settings\.json|Library\/Application Support\/ClaudeCode\/)/;

/** Programs that transform data: between a source and a shell they hide what will run. */
export const TRANSFORMERS = new Set(['base64', 'base32', 'basenc', 'xxd', 'od', 'openssl', 'gpg', 'rev', 'tr', 'sed', 'awk',
  'gawk', 'mawk', 'perl', 'gunzip', 'gzip', 'zcat', 'bzip2', 'bzcat', 'xz', 'xzcat', 'unxz', 'zstd', 'uudecode', 'iconv',
  'python', 'python3', 'node', 'ruby', 'php', 'jq', 'cut', 'fold', 'recode', 'uncompress', 'lz4', 'brotli']);

/** Programs whose output is their input decoded or scrambled: piped into a shell, what runs is hidden. */
export const DECODERS = new Set(['rev', 'tr', 'uudecode', 'gunzip', 'zcat', 'bzcat', 'xzcat', 'unxz', 'zstdcat', 'lz4cat', 'unzstd', 'base32', 'basenc']);

/** Programs that print fixed text given as arguments (their output is known statically). */
export const PRINTERS = new Set(['echo', 'printf']);

/** Path prefixes of system binaries: `/usr/bin/rm` is `rm`, while `./rm` is a script in the cwd. */
export function isSystemBinaryPath(p: string): boolean {
  return /^(?:\/usr)?(?:\/local)?\/s?bin\/[^/]+$/.test(p) || /^\/(?:opt\/homebrew|home\/linuxbrew\/\.linuxbrew)\/bin\/[^/]+$/.test(p)
    || /(?:^|\/)node_modules\/\.bin\/[^/]+$/.test(p) || /^\/nix\/store\/[^/]+\/bin\/[^/]+$/.test(p);
}

/**
 * A PATH that puts the current directory, a relative directory or a temporary directory before the
 * system's lets a file there stand in for any program the line runs next (`PATH=.:$PATH git status`).
 */
export function pathHijack(value: string | null): boolean {
  if (value === null) return true;
  return value.split(':').some((d) => d === '' || d === '.' || !d.startsWith('/') && !d.startsWith('$') || /^\/(?:tmp|var\/tmp|dev\/shm)(?:\/|$)/.test(d));
}
