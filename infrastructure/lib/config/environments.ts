import type { PlatformConfig } from './schema.ts';

/**
 * The platform's accounts and the settings of each environment. Domain names, hosted zones and
 * certificates are placeholders until the organisation's domain is delegated; synthesis checks
 * their form, not their existence.
 */
export const PLATFORM: PlatformConfig = {
  githubRepository: 'acimtl/acimtl',
  shared: {
    account: '471112604643',
    region: 'ca-central-1',
    githubEnvironment: 'registry',
    imagesKept: 200,
  },
  environments: {
    dev: {
      name: 'dev',
      account: '339713169203',
      region: 'ca-central-1',
      availabilityZones: ['ca-central-1a', 'ca-central-1b'],
      githubEnvironment: 'development',
      domainName: 'dev.acimtl.example.org',
      hostedZone: { id: 'Z0DEV00000000000ACIMTL', name: 'dev.acimtl.example.org' },
      certificateArn:
        'arn:aws:acm:ca-central-1:339713169203:certificate/0d5e7a1c-3f4b-4c2d-9e8f-1a2b3c4d5e6f',
      network: { cidr: '10.10.0.0/16', natGateways: 1 },
      services: {
        api: { desiredCount: 1, minCount: 1, maxCount: 2 },
        'web-client': { desiredCount: 1, minCount: 1, maxCount: 2 },
      },
      database: {
        instanceType: 't4g.small',
        allocatedStorageGiB: 20,
        maxAllocatedStorageGiB: 50,
        multiAz: false,
        backupRetentionDays: 7,
        deletionProtection: false,
      },
      documents: { noncurrentVersionDays: 30 },
      identity: {
        mfa: 'optional',
        accessTokenMinutes: 15,
        sessionHours: 12,
        threatProtection: false,
      },
      logRetentionDays: 30,
    },
    staging: {
      name: 'staging',
      account: '911167913296',
      region: 'ca-central-1',
      availabilityZones: ['ca-central-1a', 'ca-central-1b'],
      githubEnvironment: 'staging',
      domainName: 'staging.acimtl.example.org',
      hostedZone: { id: 'Z0STAGING0000000ACIMTL', name: 'staging.acimtl.example.org' },
      certificateArn:
        'arn:aws:acm:ca-central-1:911167913296:certificate/5b8c2d4e-6f7a-4b1c-8d9e-2f3a4b5c6d7e',
      network: { cidr: '10.20.0.0/16', natGateways: 2 },
      services: {
        api: { desiredCount: 2, minCount: 2, maxCount: 4 },
        'web-client': { desiredCount: 2, minCount: 2, maxCount: 4 },
      },
      database: {
        instanceType: 't4g.medium',
        allocatedStorageGiB: 20,
        maxAllocatedStorageGiB: 100,
        multiAz: true,
        backupRetentionDays: 7,
        deletionProtection: false,
      },
      documents: { noncurrentVersionDays: 30 },
      identity: {
        mfa: 'optional',
        accessTokenMinutes: 15,
        sessionHours: 12,
        threatProtection: false,
      },
      logRetentionDays: 90,
    },
    prod: {
      name: 'prod',
      account: '484907525335',
      region: 'ca-central-1',
      availabilityZones: ['ca-central-1a', 'ca-central-1b', 'ca-central-1d'],
      githubEnvironment: 'production',
      domainName: 'app.acimtl.example.org',
      hostedZone: { id: 'Z0PROD000000000ACIMTL', name: 'acimtl.example.org' },
      certificateArn:
        'arn:aws:acm:ca-central-1:484907525335:certificate/9a1b2c3d-4e5f-4a6b-8c7d-3e4f5a6b7c8d',
      network: { cidr: '10.30.0.0/16', natGateways: 3 },
      services: {
        api: { cpu: 1024, memoryMiB: 2048, desiredCount: 3, minCount: 2, maxCount: 8 },
        'web-client': { desiredCount: 2, minCount: 2, maxCount: 6 },
      },
      database: {
        instanceType: 'm7g.large',
        allocatedStorageGiB: 100,
        maxAllocatedStorageGiB: 500,
        multiAz: true,
        backupRetentionDays: 30,
        deletionProtection: true,
      },
      // Calgary keeps the copy in Canada, as the shelters' privacy commitments require.
      documents: { noncurrentVersionDays: 90, replicaRegion: 'ca-west-1' },
      identity: {
        mfa: 'required',
        accessTokenMinutes: 15,
        sessionHours: 12,
        threatProtection: true,
      },
      // The API's audit events share its log group: two years covers the audit period.
      logRetentionDays: 731,
    },
  },
};
