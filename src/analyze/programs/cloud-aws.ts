import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INFRA_CHANGE, INFRA_CHANGE_CMD, INFRA_READ, INFRA_READ_CMD, SECRET_READ_CMD, infraGroup, opt, reads, writes } from './table-helpers.js';

const READ = INFRA_READ_CMD;
const DELETE: CommandSpec = { flags: { '--recursive': 'recursive', '--force': 'force' }, effects: [{ ...INFRA_CHANGE, flags: ['delete'] }] };
const SECRET_AND_CHANGE: CommandSpec = { effects: [{ kind: 'secret.read', always: true, why: 'creates and prints a credential' }, INFRA_CHANGE] };
const TAMPER: CommandSpec = { effects: [{ kind: 'audit.tamper', target: 'resource', of: 'all', always: true, why: 'stops or deletes an audit trail or log' }] };
const DISABLE: CommandSpec = { effects: [{ kind: 'security.disable', target: 'resource', of: 'all', always: true, why: 'turns off a security service' }] };
const CONFIG: CommandSpec = { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, why: 'changes local CLI configuration or credentials' }] };
const DB_READ: CommandSpec = { category: 'database', effects: [{ kind: 'db.read', target: 'resource', of: 'all', always: true }] };
const DB_CHANGE: CommandSpec = { category: 'database', effects: [{ kind: 'db.change', target: 'resource', of: 'all', always: true }] };
const SEND: CommandSpec = { effects: [{ kind: 'net.send', target: 'resource', of: 'all', always: true, why: 'sends a message' }] };

/** `aws s3 cp/sync/mv`: `s3://bucket/key` operands are remote, the others local paths. */
const remote = (kind: EffectRule['kind'], of: EffectRule['of'], extra: Partial<EffectRule> = {}): EffectRule => ({ kind, target: 'remote-path', of, ...extra });
const S3_COPY: CommandSpec = { flags: { '--recursive': 'recursive' }, effects: [remote('fs.read', 'all-but-last'), remote('fs.write', 'last')] };

/** Verbs that read, by service; every other verb of a listed service is a change. */
const EC2_READS = ['describe-instances', 'describe-instance-status', 'describe-security-groups', 'describe-security-group-rules', 'describe-vpcs',
  'describe-subnets', 'describe-images', 'describe-regions', 'describe-availability-zones', 'describe-volumes', 'describe-snapshots',
  'describe-key-pairs', 'describe-addresses', 'describe-network-interfaces', 'describe-route-tables', 'describe-tags', 'describe-launch-templates',
  'describe-launch-template-versions', 'describe-instance-types', 'describe-internet-gateways', 'describe-nat-gateways', 'describe-vpc-endpoints',
  'describe-account-attributes', 'describe-spot-instance-requests', 'get-console-output'];

/** The AWS CLI: reads are `infra.read`, credential-producing calls `secret.read`, audit and security switches are tamper/disable. */
export const CLOUD_AWS: readonly ProgramSpec[] = [
  {
    names: ['aws', 'awslocal'],
    category: 'cloud',
    globalValueOptions: ['--profile', '--region', '--output', '--endpoint-url', '--query', '--cli-input-json', '--cli-input-yaml', '--ca-bundle', '--color',
      '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format'],
    valueOptions: ['--include', '--exclude', '--acl', '--storage-class', '--sse', '--sse-kms-key-id', '--content-type', '--cache-control', '--expires',
      '--metadata', '--grants', '--page-size', '--source-region', '--bucket', '--key', '--body', '--prefix', '--version-id', '--policy', '--name',
      '--secret-id', '--instance-ids', '--function-name', '--payload', '--log-group-name', '--trail-name', '--detector-id', '--cluster', '--stack-name',
      '--template-file', '--template-body', '--table-name', '--role-arn', '--role-session-name', '--user-name', '--names', '--parameters',
      '--document-name', '--target', '--key-id', '--ciphertext-blob', '--queue-url', '--message-body', '--topic-arn', '--message', '--filters'],
    effects: [{ ...INFRA_CHANGE, always: false, ifOperands: true, why: 'calls an AWS API (not known to only read)' }],
    subcommands: {
      s3: {
        effects: [INFRA_CHANGE],
        subcommands: {
          ls: READ,
          cp: S3_COPY,
          sync: { flags: { '--delete': 'delete' }, effects: [remote('fs.read', 'all-but-last'), remote('fs.write', 'last'), remote('fs.delete', 'last', { ifOption: ['--delete'], flags: ['recursive'] })] },
          mv: { flags: { '--recursive': 'recursive' }, effects: [remote('fs.read', 'all-but-last'), remote('fs.delete', 'all-but-last', { why: 'moves the source away' }), remote('fs.write', 'last')] },
          rm: DELETE, rb: DELETE,
          mb: INFRA_CHANGE_CMD, website: INFRA_CHANGE_CMD,
          presign: { effects: [{ kind: 'secret.read', target: 'resource', of: 'all', always: true, why: 'creates a URL that grants access to an object' }] },
        },
      },
      s3api: infraGroup(['list-buckets', 'list-objects', 'list-objects-v2', 'list-object-versions', 'head-object', 'head-bucket', 'get-bucket-policy',
        'get-bucket-acl', 'get-bucket-location', 'get-object-acl', 'get-bucket-versioning', 'get-bucket-encryption', 'get-public-access-block',
        'get-bucket-tagging'], {
        'get-object': { effects: [INFRA_READ, writes('last', { why: 'writes the object to this file' })] },
        'put-object': { effects: [{ kind: 'net.send', target: 'resource', of: opt('--bucket'), always: true, why: 'uploads an object' }, reads(opt('--body'))] },
        'delete-object': DELETE, 'delete-bucket': DELETE, 'delete-objects': DELETE,
      }),
      ec2: infraGroup(EC2_READS, { 'terminate-instances': DELETE, 'get-password-data': SECRET_READ_CMD }),
      iam: infraGroup(['list-users', 'list-roles', 'list-policies', 'list-groups', 'list-attached-role-policies', 'list-attached-user-policies',
        'list-role-policies', 'list-user-policies', 'list-access-keys', 'list-mfa-devices', 'get-user', 'get-role', 'get-policy', 'get-policy-version',
        'get-role-policy', 'get-user-policy', 'get-group', 'get-account-summary', 'get-account-authorization-details', 'list-instance-profiles',
        'simulate-principal-policy', 'get-access-key-last-used'], { 'create-access-key': SECRET_AND_CHANGE, 'create-service-specific-credential': SECRET_AND_CHANGE }),
      sts: infraGroup(['get-caller-identity', 'decode-authorization-message', 'get-access-key-info'], {
        'assume-role': SECRET_READ_CMD, 'get-session-token': SECRET_READ_CMD, 'get-federation-token': SECRET_READ_CMD,
        'assume-role-with-web-identity': SECRET_READ_CMD, 'assume-role-with-saml': SECRET_READ_CMD,
      }),
      secretsmanager: infraGroup(['list-secrets', 'describe-secret', 'get-resource-policy', 'list-secret-version-ids'], {
        'get-secret-value': SECRET_READ_CMD, 'batch-get-secret-value': SECRET_READ_CMD, 'get-random-password': READ,
      }),
      ssm: infraGroup(['describe-parameters', 'describe-instance-information', 'list-commands', 'list-command-invocations', 'get-command-invocation',
        'list-documents', 'describe-sessions'], {
        'get-parameter': { effects: [INFRA_READ, { kind: 'secret.read', target: 'resource', of: opt('--name', '--names'), always: true, ifOption: ['--with-decryption'], why: 'decrypts a SecureString parameter' }] },
        'get-parameters': { effects: [INFRA_READ, { kind: 'secret.read', target: 'resource', of: opt('--name', '--names'), always: true, ifOption: ['--with-decryption'] }] },
        'get-parameters-by-path': { effects: [INFRA_READ, { kind: 'secret.read', always: true, ifOption: ['--with-decryption'] }] },
        'get-parameter-history': { effects: [INFRA_READ, { kind: 'secret.read', always: true, ifOption: ['--with-decryption'] }] },
        'send-command': { effects: [{ ...INFRA_CHANGE, flags: ['remote-exec'], why: 'runs commands on managed instances' }] },
        'start-session': { effects: [{ kind: 'net.connect', target: 'resource', of: opt('--target'), always: true, why: 'opens a shell on an instance' }] },
      }),
      kms: infraGroup(['list-keys', 'list-aliases', 'describe-key', 'get-key-policy', 'get-key-rotation-status', 'list-grants', 'encrypt'], {
        decrypt: SECRET_READ_CMD, 'generate-data-key': SECRET_READ_CMD, 'schedule-key-deletion': DELETE, 'disable-key': DISABLE,
      }),
      lambda: infraGroup(['list-functions', 'get-function', 'get-function-configuration', 'list-layers', 'get-policy', 'list-aliases',
        'list-versions-by-function', 'list-event-source-mappings'], {
        invoke: { effects: [{ ...INFRA_CHANGE, why: 'runs a Lambda function' }, writes('last', { why: 'writes the response here' }), reads(opt('--payload'))] },
        'delete-function': DELETE,
      }),
      logs: infraGroup(['describe-log-groups', 'describe-log-streams', 'filter-log-events', 'get-log-events', 'tail', 'start-query', 'get-query-results',
        'describe-metric-filters', 'describe-subscription-filters'], { 'delete-log-group': TAMPER, 'delete-log-stream': TAMPER, 'put-retention-policy': TAMPER }),
      cloudtrail: infraGroup(['describe-trails', 'get-trail-status', 'lookup-events', 'list-trails', 'get-event-selectors', 'get-trail'], {
        'stop-logging': TAMPER, 'delete-trail': TAMPER, 'update-trail': TAMPER, 'put-event-selectors': TAMPER,
      }),
      configservice: infraGroup(['describe-configuration-recorders', 'describe-config-rules', 'describe-compliance-by-resource'], {
        'stop-configuration-recorder': TAMPER, 'delete-configuration-recorder': TAMPER, 'delete-delivery-channel': TAMPER,
      }),
      guardduty: infraGroup(['list-detectors', 'get-detector', 'list-findings', 'get-findings'], {
        'delete-detector': DISABLE, 'update-detector': DISABLE, 'disassociate-from-master-account': DISABLE, 'archive-findings': TAMPER,
      }),
      securityhub: infraGroup(['get-findings', 'describe-hub', 'get-enabled-standards'], { 'disable-security-hub': DISABLE, 'batch-disable-standards': DISABLE }),
      ecr: infraGroup(['describe-repositories', 'describe-images', 'list-images', 'get-repository-policy'], {
        'get-login-password': SECRET_READ_CMD, 'get-authorization-token': SECRET_READ_CMD, 'batch-delete-image': DELETE, 'delete-repository': DELETE,
      }),
      eks: infraGroup(['list-clusters', 'describe-cluster', 'list-nodegroups', 'describe-nodegroup', 'list-addons', 'describe-addon'], {
        'update-kubeconfig': CONFIG, 'get-token': SECRET_READ_CMD, 'delete-cluster': DELETE,
      }),
      cloudformation: infraGroup(['describe-stacks', 'list-stacks', 'describe-stack-events', 'describe-stack-resources', 'get-template', 'list-exports',
        'validate-template', 'list-stack-resources', 'describe-change-set', 'get-template-summary'], {
        'delete-stack': DELETE,
        package: { effects: [INFRA_CHANGE, writes(opt('--output-template-file'))], valueOptions: ['--output-template-file', '--s3-bucket'] },
      }),
      configure: {
        category: 'system',
        effects: CONFIG.effects ?? [],
        subcommands: { list: READ, get: READ, 'list-profiles': READ, set: CONFIG, sso: CONFIG, import: CONFIG, 'export-credentials': SECRET_READ_CMD },
      },
      sso: { effects: [INFRA_READ], subcommands: { login: CONFIG, logout: CONFIG, 'get-role-credentials': SECRET_READ_CMD, 'list-accounts': READ } },
      rds: infraGroup(['describe-db-instances', 'describe-db-clusters', 'describe-db-snapshots', 'describe-db-subnet-groups', 'describe-events'], {
        'delete-db-instance': DELETE, 'delete-db-cluster': DELETE, 'generate-db-auth-token': SECRET_READ_CMD,
      }),
      dynamodb: infraGroup(['list-tables', 'describe-table', 'describe-continuous-backups', 'list-backups'], {
        scan: DB_READ, query: DB_READ, 'get-item': DB_READ, 'batch-get-item': DB_READ,
        'put-item': DB_CHANGE, 'update-item': DB_CHANGE, 'delete-item': DB_CHANGE, 'batch-write-item': DB_CHANGE, 'execute-statement': DB_CHANGE,
        'transact-write-items': DB_CHANGE, 'delete-table': DELETE,
      }),
      route53: infraGroup(['list-hosted-zones', 'list-resource-record-sets', 'get-hosted-zone', 'get-change', 'list-health-checks']),
      ecs: infraGroup(['list-clusters', 'list-services', 'list-tasks', 'list-task-definitions', 'describe-clusters', 'describe-services', 'describe-tasks',
        'describe-task-definition', 'describe-container-instances'], { 'execute-command': { effects: [{ ...INFRA_CHANGE, flags: ['remote-exec'], why: 'runs a command in a container' }] } }),
      sqs: infraGroup(['list-queues', 'get-queue-url', 'get-queue-attributes', 'receive-message'], { 'send-message': SEND, 'send-message-batch': SEND, 'purge-queue': DELETE, 'delete-queue': DELETE }),
      sns: infraGroup(['list-topics', 'list-subscriptions', 'get-topic-attributes'], { publish: SEND }),
      cloudwatch: infraGroup(['describe-alarms', 'get-metric-data', 'get-metric-statistics', 'list-metrics', 'list-dashboards', 'get-dashboard']),
      organizations: infraGroup(['list-accounts', 'describe-organization', 'list-roots', 'list-organizational-units-for-parent', 'describe-account']),
      elbv2: infraGroup(['describe-load-balancers', 'describe-target-groups', 'describe-listeners', 'describe-target-health', 'describe-rules']),
      autoscaling: infraGroup(['describe-auto-scaling-groups', 'describe-launch-configurations', 'describe-scaling-activities']),
      acm: infraGroup(['list-certificates', 'describe-certificate', 'get-certificate']),
      apigateway: infraGroup(['get-rest-apis', 'get-resources', 'get-stages', 'get-deployments']),
      'cognito-idp': infraGroup(['list-users', 'list-user-pools', 'describe-user-pool', 'admin-get-user', 'list-groups']),
    },
  },
];
