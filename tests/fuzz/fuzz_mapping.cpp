// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the mapping file (`crmbridgectl mapping import FILE.json`, the GUI's import):
// Common::Json::parseObject then Mapping::MappingSet::fromJson. Invariants: it ends, and a mapping it
// accepts survives its own export (toJson → fromJson gives the same mapping).
#include "FuzzCheck.h"
#include "common/Json.h"
#include "mapping/MappingSet.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto json
        = Common::Json::parseObject(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!json)
        return 0;
    const auto mapping = Mapping::MappingSet::fromJson(json.value());
    if (!mapping)
        return 0;
    const auto again = Mapping::MappingSet::fromJson(mapping->toJson());
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value() == mapping.value());
    return 0;
}
