// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "model/ShopEvent.h"
#include "store/OutboxFanOut.h"

namespace Source {

/**
 * Appends ShopEvents to the outbox as jobs, one per target CRM connection: the event's kind name, its
 * idempotency key, its payload and business keys. Sources call it inside their own Storage::Transaction
 * together with their watermark. Stateless helpers; any thread (the repository uses that thread's
 * connection).
 */
class EventOutbox
{
public:
    static Store::NewJob toJob(const Model::ShopEvent &event);
    /** One job per target CRM connection of the event's source (OutboxFanOut); created=false when the
     *  same happening was already in the outbox. */
    static Common::Result<Store::OutboxFanOut::Appended> append(Store::OutboxFanOut &outbox,
                                                                const Model::ShopEvent &event);

    /** E.164 when the text is a phone number, else the trimmed text (so the operator can still search). */
    static QString phoneKey(const QString &text);
};

} // namespace Source
