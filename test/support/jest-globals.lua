-- Re-exports jest-lua's globals for roblox-ts specs. jest-runtime hands every spec its
-- own copy of the module named JestGlobals, so this must be required through jest.
local ReplicatedStorage = game:GetService("ReplicatedStorage")
return require(ReplicatedStorage.rbxts_include.node_modules["@rbxts-js"].JestGlobals)
