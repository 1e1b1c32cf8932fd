/**
 * flexContainers and their Rel-4 flexContainerInstance history (TS-0004 7.4.37, digest §7.2), installed by default
 * through {@link org.oneedge.cse.flex.FlexContainerExtension}.
 *
 * <pre>
 *  CREATE {"oe:ueInfo":{cnd,…}} ─► FlexContainerHandler.schema(root key) ─ unknown key 4125 / m2m:fcnt 4000
 *        ─► custom attributes checked (unknown, type, mandatory: 4000) ─► cnd matches the key (else 4000, unknown 4125)
 *        ─► cs, st ─► [mni/mbs/mia/fcied: fci snapshot in the same batch, oldest removed] ─► la / ol
 * </pre>
 *
 * Specializations are data ({@link org.oneedge.cse.flex.FlexContainerDefinitions}): the built-in set in
 * {@code flex-definitions.json} holds the TS-0023 temperature module class ({@code cod:tempe}) and OneEdge's
 * {@code org.oneedge.*} types (root keys {@code oe:ueInfo}, {@code oe:hostMetrics}, {@code oe:hoTx},
 * {@code oe:fedNode}). Documented choice: there is no free-form generic specialization; validation is the point.
 */
package org.oneedge.cse.flex;
