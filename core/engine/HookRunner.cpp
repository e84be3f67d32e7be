// SPDX-License-Identifier: GPL-3.0-or-later
#include "HookRunner.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

using Common::Error;

namespace {

QString truncated(const QByteArray &text)
{
    QString s = QString::fromUtf8(text).trimmed();
    if (s.size() > HookRunner::kMaxStderr)
        s = s.left(HookRunner::kMaxStderr) + QStringLiteral(" …");
    return s;
}

Error hookFailed(const HookSpec &spec, const QString &what, const QByteArray &stderrText)
{
    QString message
        = QStringLiteral("The %1-send hook %2 %3").arg(hookPhaseName(spec.phase), spec.path, what);
    const QString detail = truncated(stderrText);
    if (!detail.isEmpty())
        message += QStringLiteral(": ") + detail;
    Error e = Error::permanent(message, QStringLiteral("hook-failed"));
    e.details.insert(QStringLiteral("hook"), spec.path);
    e.details.insert(QStringLiteral("stderr"), detail);
    return e;
}

} // namespace

HookRunner::~HookRunner()
{
    // A stop lets the hooks that run finish, each within the rest of its time limit: an after-send hook
    // killed here would never record the deal it was told of (seen as a lost notice under load, when the
    // engine stopped a moment after the job settled). Hooks whose turn has not come are not started.
    for (QProcess *p : std::as_const(m_running)) {
        p->disconnect();
        const auto *limit = p->findChild<QTimer *>();
        if (!p->waitForFinished(limit ? std::max(0, limit->remainingTime()) : 0)) {
            p->kill();
            p->waitForFinished(1000);
        }
    }
    if (!m_waiting.isEmpty())
        qCWarning(lcEngine) << m_waiting.size() << "hooks were not run: the engine stopped before their turn";
}

QJsonObject HookRunner::input(const HookSpec &spec, const Store::Job &job, const Crm::DealDraft &draft)
{
    const QJsonObject jobJson { { "id", job.id },
                                { "kind", job.kind },
                                { "source", job.source },
                                { "source_ref", job.sourceRef },
                                { "reference", job.reference },
                                { "attempts", job.attempts },
                                { "payload", job.payload } };
    return QJsonObject { { "event", job.kind },
                         { "phase", hookPhaseName(spec.phase) + QStringLiteral("-send") },
                         { "job", jobJson },
                         { "draft", draft.toJson() } };
}

void HookRunner::runBeforeAll(
    const QList<HookSpec> &hooks, const QList<HookItem> &items,
    std::function<void(const Store::Job &, const Common::Error &, bool vetoed)> rejected,
    std::function<void(const QList<HookItem> &)> done)
{
    auto results = std::make_shared<QList<std::optional<HookItem>>>();
    auto waiting = std::make_shared<int>(1); // one for this loop, so done() comes after it
    auto finishOne = [results, waiting, done] {
        if (--*waiting > 0)
            return;
        QList<HookItem> kept;
        for (const auto &r : std::as_const(*results)) {
            if (r)
                kept.append(*r);
        }
        done(kept);
    };
    for (const HookItem &item : items) {
        const qsizetype index = results->size();
        results->append(item);
        const auto spec = std::find_if(hooks.cbegin(), hooks.cend(), [&item](const HookSpec &h) {
            return h.phase == HookPhase::BeforeSend && h.event == item.job.kind;
        });
        if (spec == hooks.cend())
            continue;
        ++*waiting;
        runBefore(*spec, item.job, item.draft,
                  [results, index, rejected, finishOne, job = item.job](Common::Result<HookVerdict> verdict) {
                      if (!verdict) {
                          (*results)[index].reset();
                          rejected(job, verdict.error(), false);
                      } else if (verdict->vetoed) {
                          (*results)[index].reset();
                          rejected(job, Error::permanent(verdict->vetoReason, QStringLiteral("vetoed")),
                                   true);
                      } else {
                          (*results)[index]->draft = verdict->draft;
                      }
                      finishOne();
                  });
    }
    finishOne();
}

void HookRunner::runBefore(const HookSpec &spec, const Store::Job &job, const Crm::DealDraft &draft,
                           BeforeDone done)
{
    const QByteArray in = QJsonDocument(input(spec, job, draft)).toJson(QJsonDocument::Compact);
    launch(
        { spec, in, [spec, draft, done](Common::Result<QByteArray> out, int exitCode, const QByteArray &err) {
             if (!out) {
                 done(out.error());
                 return;
             }
             HookVerdict verdict;
             verdict.draft = draft;
             if (exitCode == kVetoExitCode) {
                 verdict.vetoed = true;
                 verdict.vetoReason = truncated(err.trimmed().isEmpty() ? out.value() : err);
                 done(verdict);
                 return;
             }
             if (exitCode != 0) {
                 done(hookFailed(spec, QStringLiteral("exited with code %1").arg(exitCode), err));
                 return;
             }
             if (out->trimmed().isEmpty()) {
                 done(verdict);
                 return;
             }
             QJsonParseError parseError;
             const QJsonDocument doc = QJsonDocument::fromJson(out.value(), &parseError);
             if (!doc.isObject()) {
                 done(hookFailed(spec,
                                 QStringLiteral("answered something that is not a JSON object (%1)")
                                     .arg(parseError.errorString()),
                                 err));
                 return;
             }
             const QJsonObject answer = doc.object();
             if (answer.contains("veto")) {
                 verdict.vetoed = true;
                 verdict.vetoReason = answer.value("veto").toString();
                 if (verdict.vetoReason.isEmpty())
                     verdict.vetoReason = QStringLiteral("vetoed by %1").arg(spec.path);
                 done(verdict);
                 return;
             }
             if (answer.contains("draft")) {
                 auto changed = Crm::DealDraft::fromJson(answer.value("draft").toObject());
                 if (!changed) {
                     done(hookFailed(spec,
                                     QStringLiteral("answered a draft that cannot be read (%1)")
                                         .arg(changed.error().message),
                                     err));
                     return;
                 }
                 verdict.draft = changed.value();
                 verdict.changed = true;
                 done(verdict);
                 return;
             }
             if (!answer.isEmpty()) {
                 done(hookFailed(spec, QStringLiteral("answered neither \"draft\" nor \"veto\""), err));
                 return;
             }
             done(verdict);
         } });
}

void HookRunner::runAfterAll(const QList<HookSpec> &hooks, const Store::Job &job, const Crm::DealDraft &draft,
                             const Crm::ItemOutcome &outcome, const QString &lane)
{
    for (const HookSpec &spec : hooks) {
        if (spec.phase != HookPhase::AfterSend || spec.event != job.kind)
            continue;
        runAfter(spec, job, draft, outcome, [lane, id = job.id](Common::Status ran) {
            if (!ran)
                qCWarning(lcEngine) << "lane" << lane << "job" << id << ":" << ran.error().message;
        });
    }
}

void HookRunner::runAfter(const HookSpec &spec, const Store::Job &job, const Crm::DealDraft &draft,
                          const Crm::ItemOutcome &outcome, AfterDone done)
{
    QJsonObject in = input(spec, job, draft);
    in.insert(
        "result",
        QJsonObject { { "deal_id", outcome.dealId },
                      { "contact_id", outcome.contactId },
                      { "merged", outcome.merged },
                      { "outcome", outcome.error ? QStringLiteral("partial") : QStringLiteral("done") } });
    launch({ spec, QJsonDocument(in).toJson(QJsonDocument::Compact),
             [spec, done](Common::Result<QByteArray> out, int exitCode, const QByteArray &err) {
                 if (!out)
                     done(out.error());
                 else if (exitCode != 0)
                     done(hookFailed(spec, QStringLiteral("exited with code %1").arg(exitCode), err));
                 else
                     done({});
             } });
}

void HookRunner::launch(Run run)
{
    m_waiting.enqueue(std::move(run));
    next();
}

void HookRunner::next()
{
    while (m_running.size() < kParallel && !m_waiting.isEmpty()) {
        const Run run = m_waiting.dequeue();
        auto *process = new QProcess(this);
        m_running.append(process);
        auto *timer = new QTimer(process);
        timer->setSingleShot(true);
        auto finished = std::make_shared<bool>(false);
        // Exactly one answer per run, whichever comes first: exit, crash, failure to start, timeout.
        auto finish = [this, process, timer, run, finished](Common::Result<QByteArray> out, int exitCode) {
            if (*finished)
                return;
            *finished = true;
            timer->stop();
            const QByteArray err = process->readAllStandardError();
            m_running.removeOne(process);
            process->disconnect();
            process->deleteLater();
            run.done(std::move(out), exitCode, err);
            next();
        };
        connect(timer, &QTimer::timeout, process, [process, run, finish] {
            finish(hookFailed(run.spec, QStringLiteral("did not answer within %1 ms").arg(run.spec.timeoutMs),
                              process->readAllStandardError()),
                   -1);
            process->kill();
        });
        connect(
            process, &QProcess::errorOccurred, process, [process, run, finish](QProcess::ProcessError error) {
                if (error == QProcess::FailedToStart)
                    finish(hookFailed(run.spec,
                                      QStringLiteral("could not be started (%1)").arg(process->errorString()),
                                      {}),
                           -1);
            });
        connect(process, &QProcess::finished, process,
                [process, run, finish](int exitCode, QProcess::ExitStatus status) {
                    if (status == QProcess::CrashExit) {
                        finish(
                            hookFailed(run.spec, QStringLiteral("crashed"), process->readAllStandardError()),
                            -1);
                        return;
                    }
                    finish(process->readAllStandardOutput(), exitCode);
                });
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CRMBRIDGE_HOOK_PHASE"),
                   hookPhaseName(run.spec.phase) + QStringLiteral("-send"));
        env.insert(QStringLiteral("CRMBRIDGE_EVENT"), run.spec.event);
        process->setProcessEnvironment(env);
        process->setProgram(run.spec.path);
        timer->start(run.spec.timeoutMs);
        process->start();
        process->write(run.input);
        process->closeWriteChannel();
        qCDebug(lcEngine) << "hook" << run.spec.path << "started";
    }
}

} // namespace Engine
