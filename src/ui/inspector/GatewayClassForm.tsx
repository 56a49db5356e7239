import type { Target } from './field-model';
import { Field } from './Field';

/**
 * GatewayClass: which controller implements the Gateways of this class (fixed once created: the
 * API makes `controllerName` immutable), and a description for people choosing a class.
 */
export function GatewayClassForm({ target }: { target: Target }) {
  return (
    <>
      <Field target={target} path={['spec', 'controllerName']} label="Controller" placeholder="example.com/gateway-controller" />
      <Field target={target} path={['spec', 'description']} label="Description" mono={false} placeholder="none" />
    </>
  );
}
