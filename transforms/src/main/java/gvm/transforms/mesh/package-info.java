/** The mesh dialect's passes: sharding-propagation and mesh-spmdization, with the ShardingInterface they rely on. */
package gvm.transforms.mesh;
