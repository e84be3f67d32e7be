// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;

/**
 * `/api/v4/leads/unsorted` ("Неразобранное", reference §3.12): web-form requests added with
 * `POST …/unsorted/forms` become a lead in the pipeline's unsorted stage (and its contact, or a link
 * to an existing one given by id) plus an unsorted item with a `uid`; list with `filter[uid]`,
 * `filter[category][]`, `filter[pipeline_id]`; get by uid; `accept` moves the lead to a stage and
 * `decline` deletes it, both removing the item. Server thread.
 */
class AmoUnsortedApi
{
public:
    AmoUnsortedApi(AmoContext &context, AmoRouter &router);

private:
    HttpResponse addForms(AmoCall &call);
    HttpResponse list(AmoCall &call);
    HttpResponse get(AmoCall &call);
    HttpResponse accept(AmoCall &call);
    HttpResponse decline(AmoCall &call);

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
