// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "storage/Database.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace Engine {

enum class HookPhase { BeforeSend, AfterSend };
QString hookPhaseName(HookPhase phase); ///< "before", "after"
std::optional<HookPhase> hookPhaseFromName(const QString &name);

/** One executable hook for one event kind and phase, as the settings hold it. Value type. */
struct HookSpec
{
    static constexpr int kDefaultTimeoutMs = 10'000;
    QString event; ///< a job kind: "order.created", "form.submitted", …
    HookPhase phase = HookPhase::BeforeSend;
    QString path; ///< an executable
    int timeoutMs = kDefaultTimeoutMs;
};

/**
 * The hooks of seed 000's event system, kept in the settings shared by every engine and console:
 * key `hook.<event>.<before|after>`, value `{"path": "/usr/local/bin/x", "timeout_ms": 10000}`.
 * Read by the lanes every round, so `crmbridgectl hook set` applies without a restart. Any thread.
 */
class HookConfig
{
public:
    static QString settingKey(const QString &event, HookPhase phase);
    /** The events whose jobs run hooks; `set` refuses any other, naming these. */
    static const QStringList &hookedEvents();
    static Common::Result<QList<HookSpec>> list(std::shared_ptr<Storage::Database> db);
    /** Checks that the path is an executable file and the timeout is positive, then stores the hook. */
    static Common::Status set(std::shared_ptr<Storage::Database> db, const HookSpec &spec);
    static Common::Status remove(std::shared_ptr<Storage::Database> db, const QString &event,
                                 HookPhase phase);
};

} // namespace Engine
