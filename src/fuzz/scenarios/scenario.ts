/**
 * The shape of a race scenario: a fast-check arbitrary of its parameters, and an execution that
 * turns one parameter value into one recorded race ({@link RaceObservation}).
 */
import type fc from 'fast-check';
import type { SpecModel } from '../../model/spec-model.js';
import type { HttpClient } from '../http/client.js';
import type { Documented, RaceObservation } from '../observation.js';
import type { ScenarioKind } from '../catalogue.js';
import type { PlannedScenario } from '../plan/plan.js';
import type { CreatedResources, SetupFailure } from './instances.js';

/** What a scenario execution has to work with. */
export interface ScenarioContext {
  readonly client: HttpClient;
  readonly spec: SpecModel;
  readonly planned: PlannedScenario;
  readonly documented: Documented;
  readonly created: CreatedResources;
  /** The most racers a race may have (`--concurrency`). */
  readonly concurrency: number;
  /** How long to re-read a weak validator before racing anyway, ms. */
  readonly settleMs: number;
}

/** The parameters every scenario generates: the racer count comes from the number of bodies. */
export interface RaceInput {
  /** One request body per racer (undefined entries for operations without a body). */
  readonly bodies: readonly unknown[];
  /** Seeds the set-up (the body of the instance created to race on). */
  readonly setupSeed: number;
}

/** One kind of race. */
export interface Scenario<I extends RaceInput = RaceInput> {
  readonly kind: ScenarioKind;
  /** The arbitrary of this scenario's parameters for the planned operation. */
  arbitrary(ctx: ScenarioContext): fc.Arbitrary<I>;
  /** Fires one race; a set-up failure (no instance could be made) is returned, not thrown. */
  execute(ctx: ScenarioContext, input: I): Promise<RaceObservation | SetupFailure>;
}
