import { RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { APPLICATION } from '../config/naming.ts';
import type { EnvironmentConfig } from '../config/schema.ts';

export interface NetworkStackProps extends StackProps {
  readonly environment: EnvironmentConfig;
}

/** AWS services the tasks reach without leaving the VPC through the NAT gateways. */
const INTERFACE_ENDPOINTS = {
  EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR,
  EcrDocker: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
  Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
};

/**
 * The VPC, over the environment's availability zones: public subnets for the load balancer,
 * private subnets with NAT for the tasks, isolated subnets for the database.
 */
export class NetworkStack extends Stack {
  readonly vpc: ec2.Vpc;
  /** The S3 gateway endpoint, whose id the API's S3 permissions are bound to. */
  readonly s3Endpoint: ec2.GatewayVpcEndpoint;
  readonly #availabilityZones: readonly string[];

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);

    const { environment } = props;

    this.#availabilityZones = environment.availabilityZones;

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      vpcName: `${APPLICATION}-${environment.name}`,
      ipAddresses: ec2.IpAddresses.cidr(environment.network.cidr),
      availabilityZones: [...environment.availabilityZones],
      natGateways: environment.network.natGateways,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      restrictDefaultSecurityGroup: true,
    });

    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      logGroupName: `/${APPLICATION}/${environment.name}/vpc-flow-logs`,
      retention: environment.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });

    this.s3Endpoint = this.vpc.addGatewayEndpoint('S3', {
      service: ec2.GatewayVpcEndpointAwsService.S3,
    });

    // The configured block rather than the VPC's attribute, so that the rule reads as what it
    // is: HTTPS from inside this VPC only.
    const endpoints = new ec2.SecurityGroup(this, 'EndpointsSecurityGroup', {
      vpc: this.vpc,
      description: 'Interface endpoints: HTTPS from inside the VPC',
      allowAllOutbound: false,
    });

    endpoints.addIngressRule(
      ec2.Peer.ipv4(environment.network.cidr),
      ec2.Port.tcp(443),
      'HTTPS from the VPC',
    );

    for (const [endpointId, service] of Object.entries(INTERFACE_ENDPOINTS)) {
      this.vpc.addInterfaceEndpoint(endpointId, {
        service,
        privateDnsEnabled: true,
        subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        securityGroups: [endpoints],
        open: false,
      });
    }

    Validations.of(this.vpc).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason:
        'The zones are configured per environment on purpose, so that synthesis never asks AWS ' +
        'which zones an account has and a subnet never moves between zones.',
    });
  }

  /** The configured zones, so that synthesis never asks AWS which zones the account has. */
  override get availabilityZones(): string[] {
    return [...this.#availabilityZones];
  }
}
