// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HookConfig.h"
#include "crm/CrmConnector.h"
#include "store/Job.h"

#include <QList>
#include <QObject>
#include <QQueue>
#include <functional>

class QProcess;

namespace Engine {

/** What a before-send hook decided for one job. */
struct HookVerdict
{
    Crm::DealDraft draft; ///< the draft to send (the hook's changed one, or the original)
    bool changed = false;
    bool vetoed = false;
    QString vetoReason;
};

/** A job and the draft about to be sent for it. */
struct HookItem
{
    Store::Job job;
    Crm::DealDraft draft;
};

/**
 * Runs executable hooks (README, "Hooks") with QProcess, asynchronously: the job and its draft go to
 * the hook's stdin as JSON; a before-send hook answers on stdout with nothing (send as is),
 * `{"draft": {...}}` (send this) or `{"veto": "reason"}`, or exits with code 3 to veto with its
 * stderr as the reason. Any other exit code, a crash, the timeout or an answer that is not such JSON
 * fails the job (a Permanent error, code "hook-failed", with the hook's stderr, truncated). At most
 * kParallel hooks run at a time. Lives on the lane's thread, owned by its LaneWorker; the lane's event
 * loop keeps running while hooks work, and other lanes are never held up.
 */
class HookRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kParallel = 4;
    static constexpr int kMaxStderr = 2000;
    static constexpr int kVetoExitCode = 3;
    using BeforeDone = std::function<void(Common::Result<HookVerdict>)>;
    using AfterDone = std::function<void(Common::Status)>;

    using QObject::QObject;
    ~HookRunner() override;

    /** Runs each item's before-send hook (if @p hooks has one for its kind), all in parallel; reports a
     *  failed or vetoing hook's job through @p rejected and calls @p done once with the rest, in order,
     *  their drafts as the hooks changed them. */
    void runBeforeAll(const QList<HookSpec> &hooks, const QList<HookItem> &items,
                      std::function<void(const Store::Job &, const Common::Error &, bool vetoed)> rejected,
                      std::function<void(const QList<HookItem> &)> done);
    void runBefore(const HookSpec &spec, const Store::Job &job, const Crm::DealDraft &draft, BeforeDone done);
    /** Runs the after-send hooks of @p job's kind; failures are logged under @p lane (the deal exists:
     *  a hook cannot undo it). */
    void runAfterAll(const QList<HookSpec> &hooks, const Store::Job &job, const Crm::DealDraft &draft,
                     const Crm::ItemOutcome &outcome, const QString &lane);
    /** After a deal was made: the hook also gets `result` (deal_id, contact_id, outcome); its answer is
     * ignored. */
    void runAfter(const HookSpec &spec, const Store::Job &job, const Crm::DealDraft &draft,
                  const Crm::ItemOutcome &outcome, AfterDone done);
    /** The JSON a hook reads on stdin. */
    static QJsonObject input(const HookSpec &spec, const Store::Job &job, const Crm::DealDraft &draft);

private:
    struct Run
    {
        HookSpec spec;
        QByteArray input;
        std::function<void(Common::Result<QByteArray>, int exitCode, const QByteArray &stderr)> done;
    };
    void launch(Run run);
    void next();

    QQueue<Run> m_waiting;
    QList<QProcess *> m_running;
};

} // namespace Engine
