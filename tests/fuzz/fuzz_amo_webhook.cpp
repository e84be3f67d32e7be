// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: Crm::AmoCrm::AmoWebhookParser, the reader of amoCRM's webhook bodies (url-encoded
// `leads[status][0][id]=…`). Invariant: it ends and every stage change it reads names a deal.
#include "FuzzCheck.h"
#include "crm/amocrm/AmoWebhookParser.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto delivery = Crm::AmoCrm::AmoWebhookParser::parse("application/x-www-form-urlencoded", body);
    if (!delivery)
        return 0;
    for (const Model::StatusChange &change : delivery->stageChanges)
        FUZZ_CHECK(!change.orderId.isEmpty());
    return 0;
}
