package dev.kubeward.api.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.vuln.internal.InventoryDerivation;
import dev.kubeward.api.vuln.internal.InventoryDerivation.StoredObject;
import dev.kubeward.contract.ChunkCodec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryDerivationTest {

    static final String DIGEST = "sha256:" + "ab".repeat(32);

    static JsonNode json(String s) {
        try {
            return ChunkCodec.mapper().readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void attributesPodsToTheirTopControllerWithTheResolvedDigest() {
        List<StoredObject> objects = List.of(
                new StoredObject("apps/v1", "Deployment", "shop", "api", json("{'spec':{'template':{'spec':{'containers':[{'name':'app','image':'reg/api:1'}]}}}}")),
                new StoredObject("apps/v1", "ReplicaSet", "shop", "api-7d9", json("""
                        {'metadata':{'ownerReferences':[{'apiVersion':'apps/v1','kind':'Deployment','name':'api','controller':true}]},
                         'spec':{'template':{'spec':{'containers':[{'name':'app','image':'reg/api:1'}]}}}}""")),
                new StoredObject("v1", "Pod", "shop", "api-7d9-x", json("""
                        {'metadata':{'ownerReferences':[{'apiVersion':'apps/v1','kind':'ReplicaSet','name':'api-7d9','controller':true}]},
                         'spec':{'containers':[{'name':'app','image':'reg/api:1'}]},
                         'status':{'containerStatuses':[{'name':'app','imageID':'docker-pullable://reg/api@%s'}]}}""".formatted(DIGEST))),
                new StoredObject("v1", "Pod", "shop", "api-7d9-y", json("""
                        {'metadata':{'ownerReferences':[{'apiVersion':'apps/v1','kind':'ReplicaSet','name':'api-7d9','controller':true}]},
                         'spec':{'containers':[{'name':'app','image':'reg/api:1'}]},
                         'status':{'containerStatuses':[{'name':'app','imageID':'reg/api@%s'}]}}""".formatted(DIGEST))));

        List<ImageUse> uses = InventoryDerivation.derive(objects);

        assertThat(uses).containsExactly(new ImageUse(DIGEST, DIGEST, "reg/api:1", "apps/v1", "Deployment", "shop", "api", "app"));
    }

    @Test
    void workloadWithoutPodsCountsWithItsTemplateReference() {
        List<StoredObject> objects = List.of(new StoredObject("batch/v1", "CronJob", "ops", "backup", json("""
                {'spec':{'jobTemplate':{'spec':{'template':{'spec':{'containers':[{'name':'b','image':'reg/backup@%s'}],
                 'initContainers':[{'name':'init','image':'busybox:1.36'}]}}}}}}""".formatted(DIGEST))));

        assertThat(InventoryDerivation.derive(objects)).containsExactlyInAnyOrder(
                new ImageUse(DIGEST, DIGEST, "reg/backup@" + DIGEST, "batch/v1", "CronJob", "ops", "backup", "b"),
                new ImageUse("busybox:1.36", null, "busybox:1.36", "batch/v1", "CronJob", "ops", "backup", "init"));
    }

    @Test
    void barePodIsItsOwnWorkload() {
        List<StoredObject> objects = List.of(new StoredObject("v1", "Pod", "default", "debug", json(
                "{'spec':{'containers':[{'name':'sh','image':'alpine:3.19'}]},'status':{'containerStatuses':[{'name':'sh','imageID':''}]}}")));

        assertThat(InventoryDerivation.derive(objects)).containsExactly(
                new ImageUse("alpine:3.19", null, "alpine:3.19", "v1", "Pod", "default", "debug", "sh"));
    }
}
