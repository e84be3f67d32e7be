// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventOutbox.h"

#include "common/PhoneNumber.h"

namespace Source {

Store::NewJob EventOutbox::toJob(const Model::ShopEvent &event)
{
    Store::NewJob job;
    job.kind = Model::ShopEvent::kindName(event.kind);
    job.source = event.source;
    job.sourceRef = event.entityId;
    job.idempotencyKey = event.idempotencyKey();
    job.payload = event.payload;
    job.reference = event.reference;
    job.customer = event.customer;
    job.phone = event.phone;
    job.email = event.email;
    return job;
}

Common::Result<Store::OutboxFanOut::Appended> EventOutbox::append(Store::OutboxFanOut &outbox,
                                                                  const Model::ShopEvent &event)
{
    return outbox.append(toJob(event));
}

QString EventOutbox::phoneKey(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    auto e164 = Common::PhoneNumber::toE164(trimmed);
    return e164 ? e164.value() : trimmed;
}

} // namespace Source
