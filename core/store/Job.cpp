// SPDX-License-Identifier: GPL-3.0-or-later
#include "Job.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>
#include <array>
#include <utility>

namespace Store {

namespace {
constexpr std::array<std::pair<JobState, const char *>, 6> kStateNames { {
    { JobState::Pending, "pending" },
    { JobState::Running, "running" },
    { JobState::Sending, "sending" },
    { JobState::Done, "done" },
    { JobState::Failed, "failed" },
    { JobState::Cancelled, "cancelled" },
} };
} // namespace

QString jobStateName(JobState state)
{
    for (const auto &[s, name] : kStateNames) {
        if (s == state)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<JobState> jobStateFromName(const QString &name)
{
    for (const auto &[s, n] : kStateNames) {
        if (name == QLatin1String(n))
            return s;
    }
    return std::nullopt;
}

const QList<JobState> &allJobStates()
{
    static const QList<JobState> s_states { JobState::Pending, JobState::Running, JobState::Sending,
                                            JobState::Done,    JobState::Failed,  JobState::Cancelled };
    return s_states;
}

QString jobStepName(JobStep step)
{
    switch (step) {
    case JobStep::New:
        return QStringLiteral("new");
    case JobStep::Unconfirmed:
        return QStringLiteral("unconfirmed");
    case JobStep::FollowUps:
        return QStringLiteral("follow-ups");
    case JobStep::Complete:
        return QStringLiteral("complete");
    }
    return {};
}

JobStep jobStepFromName(const QString &name)
{
    for (JobStep step : { JobStep::Unconfirmed, JobStep::FollowUps, JobStep::Complete }) {
        if (name == jobStepName(step))
            return step;
    }
    return JobStep::New;
}

QString errorFingerprint(const Common::Error &error)
{
    static const QRegularExpression quoted(QStringLiteral(R"(["«][^"»]*["»])"));
    static const QRegularExpression numbers(QStringLiteral(R"(\d+)"));
    QString shape = error.message;
    shape.replace(quoted, QStringLiteral("\"…\""));
    shape.replace(numbers, QStringLiteral("#"));
    const QString key = QStringLiteral("%1|%2|%3|%4")
                            .arg(Common::errorKindName(error.kind), error.code)
                            .arg(error.httpStatus)
                            .arg(shape.simplified());
    return QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

QString errorCodeOf(const Common::Error &error)
{
    QStringList crmCodes;
    // amoCRM's validation errors name a code per field (Crm::AmoCrm::AmoCodec::validationError).
    for (const QJsonValue &field : error.details.value(QLatin1String("fields")).toArray()) {
        const QString code = field.toObject().value(QLatin1String("code")).toString();
        if (!code.isEmpty() && !crmCodes.contains(code))
            crmCodes << code;
    }
    if (crmCodes.isEmpty())
        return error.code;
    return error.code.isEmpty()
        ? crmCodes.join(QStringLiteral(", "))
        : QStringLiteral("%1: %2").arg(error.code, crmCodes.join(QStringLiteral(", ")));
}

} // namespace Store
