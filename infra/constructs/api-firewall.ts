import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { gatewayMessages } from '../../shared/http/responses.ts';

export interface ApiFirewallProps {
  /** ARN of the API Gateway stage to protect. */
  readonly stageArn: string;
  /** Requests one client IP may make in 5 minutes before it is answered 429. */
  readonly requestsPer5Minutes: number;
}

/** A WAFv2 web ACL on the API stage: a per-IP rate limit and AWS's known-bad-inputs rules. */
export class ApiFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: ApiFirewallProps) {
    super(scope, id);
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('whatsapp-hub-api'),
      // Blocked clients get the service's own error shape and status, as API Gateway's throttling answers.
      customResponseBodies: {
        throttled: { contentType: 'APPLICATION_JSON', content: JSON.stringify({ success: false, error: gatewayMessages.throttled }) },
      },
      rules: [
        {
          name: 'rate-per-ip',
          priority: 0,
          statement: { rateBasedStatement: { limit: props.requestsPer5Minutes, aggregateKeyType: 'IP' } },
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'throttled' } } },
          visibilityConfig: visibility('rate-per-ip'),
        },
        {
          name: 'known-bad-inputs',
          priority: 1,
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' } },
          overrideAction: { none: {} },
          visibilityConfig: visibility('known-bad-inputs'),
        },
      ],
    });
    new CfnWebACLAssociation(this, 'Association', { resourceArn: props.stageArn, webAclArn: this.webAcl.attrArn });
  }
}
