package org.oneedge.handover.registry;

class InMemoryServingRegistryTest extends ServingRegistryContract {

    private final InMemoryServingRegistry registry = new InMemoryServingRegistry();

    @Override
    ServingRegistry registry() {
        return registry;
    }
}
