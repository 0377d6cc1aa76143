import { Duration, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  Cors,
  EndpointType,
  IdentitySource,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RequestAuthorizer,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { swaggerUiDistFiles } from '../../shared/api-docs/swagger-ui.ts';
import { authorizerCacheSeconds, authorizerFor, authorizers, type AuthorizerName } from '../../shared/http/authorizers.ts';
import { corsAllowedHeaders, corsExposedHeaders, corsMaxAgeSeconds } from '../../shared/http/cors.ts';
import { gatewayMessages } from '../../shared/http/responses.ts';
import type { Route } from '../../shared/http/route.ts';
import type { ResourceAccess } from '../../shared/resources.ts';
import { routes } from '../../shared/routes.ts';
import { grantAccess, type ServiceResources } from '../resource-grants.ts';
import { ServiceFunction, type PackageFiles } from './service-function.ts';

export interface HubApiProps {
  /** The routes to serve (`routeList` of `shared/routes.ts`). */
  readonly routes: readonly Route[];
  /** Names the API Gateway stage. */
  readonly stageName: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly resources: ServiceResources;
  /** CORS origins; `*` alone allows any. */
  readonly allowedOrigins: readonly string[];
  /** Stage throttling: steady requests per second and burst. */
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/** Swagger UI's asset route reads files of `swagger-ui-dist` from disk: its bundle carries them. */
const packageFilesOf: Readonly<Record<string, PackageFiles>> = {
  [routes.apiDocsUiAsset.handler]: { packageName: 'swagger-ui-dist', files: swaggerUiDistFiles },
};

/** API Gateway's own answers (no handler ran), in the service's error shape with the local server's messages. */
const gatewayAnswers: ReadonlyArray<{ type: ResponseType; statusCode?: string; message: string }> = [
  { type: ResponseType.UNAUTHORIZED, statusCode: '401', message: gatewayMessages.unauthorized },
  { type: ResponseType.ACCESS_DENIED, statusCode: '403', message: gatewayMessages.forbidden },
  // API Gateway's answer to an unknown path or method; the local server says 404 "Route not found".
  { type: ResponseType.MISSING_AUTHENTICATION_TOKEN, statusCode: '404', message: gatewayMessages.notFound },
  { type: ResponseType.REQUEST_TOO_LARGE, statusCode: '413', message: gatewayMessages.payloadTooLarge },
  { type: ResponseType.THROTTLED, statusCode: '429', message: gatewayMessages.throttled },
  { type: ResponseType.AUTHORIZER_FAILURE, statusCode: '500', message: gatewayMessages.authorizerFailure },
  { type: ResponseType.AUTHORIZER_CONFIGURATION_ERROR, statusCode: '500', message: gatewayMessages.authorizerFailure },
  { type: ResponseType.DEFAULT_5XX, message: gatewayMessages.serverError },
];

/**
 * The REST API, built from the route table: one Lambda per route, granted exactly the route's
 * `access`, behind the JWT or API-key REQUEST authorizer its auth kind calls for.
 */
export class HubApi extends Construct {
  readonly api: RestApi;
  /** Every Lambda of the API by handler module: the routes' and the authorizers'. */
  readonly functions: ReadonlyMap<string, ServiceFunction>;

  constructor(scope: Construct, id: string, props: HubApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.api = new RestApi(this, 'Api', {
      restApiName: `whatsapp-hub-${props.stageName}`,
      description: 'WhatsApp Hub: multi-tenant WhatsApp messaging API',
      endpointTypes: [EndpointType.REGIONAL],
      // Matched against the first Accept type, which browsers make `image/avif`: `image/png` alone sent PNGs as base64 text.
      binaryMediaTypes: ['image/*'],
      cloudWatchRole: true,
      deployOptions: {
        stageName: props.stageName,
        throttlingRateLimit: props.rateLimit,
        throttlingBurstLimit: props.burstLimit,
        loggingLevel: MethodLoggingLevel.ERROR,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
      },
      defaultCorsPreflightOptions: {
        allowOrigins: [...props.allowedOrigins],
        allowMethods: Cors.ALL_METHODS,
        allowHeaders: corsAllowedHeaders,
        exposeHeaders: corsExposedHeaders,
        maxAge: Duration.seconds(corsMaxAgeSeconds),
      },
    });
    Validations.of(this.api).acknowledge(
      {
        id: 'AwsSolutions-APIG2',
        reason:
          "Every handler validates its path, query and body with the route table's zod schemas and answers 400 in the service's error shape.",
      },
      {
        id: 'AwsSolutions-COG4',
        reason:
          "Callers are the service's own users (JWT) and API clients (API key), checked by Lambda REQUEST authorizers; there is no Cognito user pool.",
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason: 'The account-level role API Gateway needs to write execution logs; AWS maintains that policy.',
      },
    );

    // Functions of the same access share one role, granted exactly that access: a role and its
    // policy per function would cost two of CloudFormation's 500 resources a stack for each route.
    const roles = new Map<string, Role>();
    const roleFor = (access: readonly ResourceAccess[]) => {
      const granted = [...new Set(access)].sort();
      const name = granted.length === 0 ? 'logs-only' : granted.join('+');
      let role = roles.get(name);
      if (!role) {
        role = new Role(this, `Role-${name.replaceAll(/[^A-Za-z0-9]/g, '-')}`, {
          assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
          description: `API Lambdas with access: ${name}`,
        });
        grantAccess(role, granted, props.resources);
        roles.set(name, role);
      }
      return role;
    };
    // The functions of one area (`message/…`, `webhooks/…`) write to one log group, for the same reason.
    const logGroups = new Map<string, LogGroup>();
    const logGroupFor = (handler: string) => {
      const area = handler.split('/')[0] ?? handler;
      let logGroup = logGroups.get(area);
      if (!logGroup) {
        logGroup = new LogGroup(this, `Logs-${area}`, { retention: RetentionDays.ONE_MONTH });
        logGroups.set(area, logGroup);
      }
      return logGroup;
    };
    const functions = new Map<string, ServiceFunction>();
    const functionFor = (handler: string, access: readonly ResourceAccess[]) => {
      let fn = functions.get(handler);
      if (!fn) {
        fn = new ServiceFunction(this, handler.replaceAll('/', '-'), {
          handler,
          environment: props.environment,
          packageFiles: packageFilesOf[handler],
          role: roleFor(access),
          logGroup: logGroupFor(handler),
        });
        functions.set(handler, fn);
      }
      return fn;
    };

    const authorizerOf = new Map<AuthorizerName, RequestAuthorizer>();
    for (const [name, definition] of Object.entries(authorizers) as [AuthorizerName, (typeof authorizers)[AuthorizerName]][]) {
      authorizerOf.set(
        name,
        new RequestAuthorizer(this, `${name}-authorizer`, {
          authorizerName: `${name}-authorizer`,
          handler: functionFor(definition.handler, definition.access),
          identitySources: [IdentitySource.header(definition.identityHeader)],
          resultsCacheTtl: Duration.seconds(authorizerCacheSeconds),
        }),
      );
    }

    for (const route of props.routes) {
      const authorizerName = authorizerFor(route.auth);
      const method = this.api.root
        .resourceForPath(route.path)
        .addMethod(
          route.method,
          new LambdaIntegration(functionFor(route.handler, route.access ?? []), { allowTestInvoke: false }),
          authorizerName
            ? { authorizer: authorizerOf.get(authorizerName), authorizationType: AuthorizationType.CUSTOM }
            : { authorizationType: AuthorizationType.NONE },
        );
      if (!authorizerName) {
        Validations.of(method).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by the API contract (auth "none").`,
        });
      }
    }
    for (const method of this.api.methods.filter((candidate) => candidate.httpMethod === 'OPTIONS')) {
      Validations.of(method).acknowledge({ id: 'AwsSolutions-APIG4', reason: 'CORS preflight: browsers send it without credentials.' });
    }
    this.functions = functions;
    this.addGatewayResponses(props.allowedOrigins);
  }

  private addGatewayResponses(allowedOrigins: readonly string[]): void {
    // A gateway response cannot choose among several origins; it echoes the caller's (its body holds no data).
    const origin = allowedOrigins.length === 1 ? `'${allowedOrigins[0]}'` : 'method.request.header.Origin';
    for (const { type, statusCode, message } of gatewayAnswers) {
      this.api.addGatewayResponse(type.responseType, {
        type,
        statusCode,
        responseHeaders: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Expose-Headers': `'${corsExposedHeaders.join(',')}'`,
          'x-request-id': 'context.requestId',
        },
        templates: { 'application/json': JSON.stringify({ success: false, error: message }) },
      });
    }
  }
}
