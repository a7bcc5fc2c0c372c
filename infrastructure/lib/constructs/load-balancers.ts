import { Duration, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { HostedZoneSettings } from '../config/schema.ts';

/** A current policy: TLS 1.3 and 1.2 with forward secrecy only. */
export const TLS_POLICY = elbv2.SslPolicy.RECOMMENDED_TLS;

export interface PublicIngressProps {
  readonly vpc: ec2.IVpc;
  readonly domainName: string;
  readonly hostedZone: HostedZoneSettings;
  readonly certificateArn: string;
  readonly accessLogs: s3.IBucket;
  readonly deletionProtection: boolean;
}

/**
 * The platform's only door from the internet: an ALB in the public subnets that speaks HTTPS,
 * turns plain HTTP into a redirect, and answers 404 to any host but the platform's own name.
 */
export class PublicIngress extends Construct {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly https: elbv2.ApplicationListener;

  constructor(scope: Construct, id: string, props: PublicIngressProps) {
    super(scope, id);

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: props.vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      dropInvalidHeaderFields: true,
      deletionProtection: props.deletionProtection,
      idleTimeout: Duration.seconds(60),
    });

    this.loadBalancer.logAccessLogs(props.accessLogs, 'public-alb');

    this.https = this.loadBalancer.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromArn(props.certificateArn)],
      sslPolicy: TLS_POLICY,
      open: true,
      defaultAction: elbv2.ListenerAction.fixedResponse(404, {
        contentType: 'text/plain',
        messageBody: 'Not found',
      }),
    });

    this.loadBalancer.addRedirect({
      sourceProtocol: elbv2.ApplicationProtocol.HTTP,
      sourcePort: 80,
      targetProtocol: elbv2.ApplicationProtocol.HTTPS,
      targetPort: 443,
    });

    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.hostedZone.id,
      zoneName: props.hostedZone.name,
    });

    new route53.ARecord(this, 'Address', {
      zone,
      recordName: props.domainName,
      target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(this.loadBalancer)),
    });

    Validations.of(this.loadBalancer).acknowledge({
      id: 'AwsSolutions-EC23',
      reason:
        'The public load balancer serves the coordinators wherever they are: ports 443 and 80 ' +
        '(redirect only) are open to the internet on purpose; the tasks behind it are not.',
    });
  }
}

export interface InternalApiRouteProps {
  readonly vpc: ec2.IVpc;
  readonly accessLogs: s3.IBucket;
}

/**
 * How the web client's server-side rendering reaches the API: an internal ALB in the private
 * subnets, so those calls never go out through the NAT and back in through the public ALB.
 * Only the security groups given to {@link allowFrom} may connect.
 */
export class InternalApiRoute extends Construct {
  /** Port of the internal listener. */
  static readonly PORT = 80;

  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly listener: elbv2.ApplicationListener;

  constructor(scope: Construct, id: string, props: InternalApiRouteProps) {
    super(scope, id);

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: props.vpc,
      internetFacing: false,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      dropInvalidHeaderFields: true,
    });

    this.loadBalancer.logAccessLogs(props.accessLogs, 'internal-alb');

    // TODO: plain HTTP inside the VPC; an internal certificate would also encrypt the hop from
    // the web client to this load balancer, which today relies on the security groups alone.
    this.listener = this.loadBalancer.addListener('Http', {
      port: InternalApiRoute.PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
    });
  }

  /** The URL the web client's server uses for `/api`. */
  get url(): string {
    return `http://${this.loadBalancer.loadBalancerDnsName}`;
  }

  allowFrom(peer: ec2.IConnectable): void {
    this.loadBalancer.connections.allowFrom(
      peer,
      ec2.Port.tcp(InternalApiRoute.PORT),
      'Server-side rendering calls to the API',
    );
  }
}
