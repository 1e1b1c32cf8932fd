package org.oneedge.interworking.location;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The geofence of a {@code lit} 2 locationPolicy: its area from {@code gta}, and which fixes are events. */
class GeofenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A 1 x 1 degree square with a notch: (0,0) (2,0) (2,2) (1,1) (0,2). */
    private static final String GTA = "{\"typ\":3,\"crd\":\"[[[0,0],[2,0],[2,2],[1,1],[0,2],[0,0]]]\"}";

    private static Geofence geofence(String gec) throws Exception {
        return Geofence.of(JSON.readTree("{\"lit\":2,\"gta\":" + GTA + (gec == null ? "" : ",\"gec\":" + gec) + "}"))
                .orElseThrow();
    }

    @Test
    void a_point_is_inside_the_polygon_but_not_in_its_notch() throws Exception {
        Geofence g = geofence(null);

        assertThat(g.usable()).isTrue();
        assertThat(g.contains(0.5, 0.5)).isTrue();
        assertThat(g.contains(1.8, 1.5)).isTrue();
        assertThat(g.contains(1.0, 1.5)).as("in the notch").isFalse();
        assertThat(g.contains(3, 0.5)).isFalse();
    }

    @Test
    void entering_and_leaving_are_crossings_inside_and_outside_every_fix_in_that_state() throws Exception {
        assertThat(geofence("1").event(false, true)).contains(Geofence.ENTERING);
        assertThat(geofence("1").event(null, true)).as("no crossing without an earlier fix").isEmpty();
        assertThat(geofence("1").event(true, true)).isEmpty();
        assertThat(geofence("2").event(true, false)).contains(Geofence.LEAVING);
        assertThat(geofence("2").event(false, true)).isEmpty();
        assertThat(geofence("3").event(true, true)).contains(Geofence.INSIDE);
        assertThat(geofence("3").event(null, true)).contains(Geofence.INSIDE);
        assertThat(geofence("4").event(false, false)).contains(Geofence.OUTSIDE);
        assertThat(geofence("4").event(false, true)).isEmpty();
        assertThat(geofence(null).event(false, true)).contains(Geofence.ENTERING);
        assertThat(geofence(null).event(true, false)).contains(Geofence.LEAVING);
    }

    @Test
    void a_position_fix_policy_has_no_geofence_and_a_point_area_is_unusable() throws Exception {
        assertThat(Geofence.of(JSON.readTree("{\"los\":1}"))).isEmpty();
        assertThat(Geofence.of(JSON.readTree("{\"lit\":1,\"gta\":" + GTA + "}"))).isEmpty();
        assertThat(Geofence.of(JSON.readTree("{\"lit\":2,\"gta\":{\"typ\":1,\"crd\":\"[1,2]\"}}")).orElseThrow()
                .usable()).isFalse();
        assertThat(Geofence.of(JSON.readTree("{\"lit\":2}")).orElseThrow().usable()).isFalse();
    }
}
