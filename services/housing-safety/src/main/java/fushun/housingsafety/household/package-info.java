/** The households this bureau looks after, from monitoring and civil affairs. */
@OwnsTables({"household"})
package fushun.housingsafety.household;

import fushun.platform.OwnsTables;
