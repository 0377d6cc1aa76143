import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, CfnTable, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { table as tableDefinition } from '../../shared/resources.ts';

export interface DataTableProps {
  /** Encrypts the table. */
  readonly key: IKey;
  /** Retain the table on teardown and refuse deletion (prod). */
  readonly protect: boolean;
}

/**
 * The single DynamoDB table, keyed and indexed as `shared/resources.ts` defines it (as the local
 * stack builds it), with a stream of its changes for webhook events.
 */
export class DataTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new Table(this, 'Table', {
      partitionKey: key(tableDefinition.partitionKey),
      sortKey: key(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: tableDefinition.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.key,
      deletionProtection: props.protect,
      // Webhook events are made from item changes (`lambdas/webhooks/produce-events.ts`), which compare the old and new item.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      removalPolicy: props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of tableDefinition.indexes) {
      this.table.addGlobalSecondaryIndex({ indexName: index.name, partitionKey: key(index.partitionKey), sortKey: key(index.sortKey) });
    }
    const stack = Stack.of(this);
    Validations.of(stack).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.table.node.defaultChild as CfnTable)}.Arn>/index/*]`,
      reason:
        'Reading the table means querying its indexes too (gsi1: sessions of a user, gsi2: sessions of a shard); the grants name this table only.',
    });
  }
}
