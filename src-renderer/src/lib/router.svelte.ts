// Which screen is showing. A tiny history so "back" from a person returns where you were.
export type ReciprocityTab = 'ledger' | 'give-first' | 'thanks' | 'commitments' | 'keep-in-touch';

export type Route =
  | { view: 'timeline'; focus?: number }
  | { view: 'people' }
  | { view: 'reciprocity'; tab?: ReciprocityTab }
  | { view: 'search' }
  | { view: 'person'; id: number; focus?: number }
  | { view: 'associations' }
  | { view: 'association'; id: number }
  | { view: 'review'; quarter?: string }
  | { view: 'settings' };

class Router {
  route = $state<Route>({ view: 'timeline' });
  #history: Route[] = [];

  go(route: Route): void {
    this.#history.push(this.route);
    this.route = route;
  }

  back(): void {
    this.route = this.#history.pop() ?? { view: 'timeline' };
  }

  get canGoBack(): boolean {
    return this.#history.length > 0;
  }
}

export const router = new Router();
